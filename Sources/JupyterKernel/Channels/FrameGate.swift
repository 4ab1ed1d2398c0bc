import Foundation
import JupyterWire
import Synchronization

/// The entrance for raw frames: verifies and decodes them, logs and drops what fails.
///
/// A forged, unsigned, replayed, truncated or non-JSON message costs one log line on stderr and
/// is otherwise ignored — it never reaches the kernel and never stops it. Copies of a gate
/// share one ``DigestHistory`` (behind a lock), so a request recorded on one channel and
/// replayed on another is refused as well.
public struct FrameGate: Sendable {
    public let codec: WireCodec
    private let history: SharedDigestHistory
    private let log: @Sendable (String) -> Void

    public init(
        codec: WireCodec, historyCapacity: Int = DigestHistory.defaultCapacity,
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) {
        self.codec = codec
        self.history = SharedDigestHistory(DigestHistory(capacity: historyCapacity))
        self.log = log
    }

    /// The verified message in `frames`, or nil (after logging why) when they are rejected.
    public func admit(_ frames: [Data], on channel: Channel) -> Message? {
        switch codec.decode(frames, isFresh: history.insert) {
        case .success(let message):
            return message
        case .failure(let error):
            log("dropped a message on \(channel.rawValue): \(error)")
            return nil
        }
    }
}

/// A ``DigestHistory`` that the shell and control threads update under one lock.
private final class SharedDigestHistory: Sendable {
    private let history: Mutex<DigestHistory>

    init(_ history: DigestHistory) {
        self.history = Mutex(history)
    }

    func insert(_ signature: Data) -> Bool {
        history.withLock { $0.insert(signature) }
    }
}
