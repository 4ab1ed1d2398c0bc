import Foundation
import JupyterWire

/// The entrance for raw frames: verifies and decodes them, logs and drops what fails.
///
/// A forged, unsigned, truncated or non-JSON message costs one log line on stderr and is
/// otherwise ignored — it never reaches the kernel and never stops it.
public struct FrameGate: Sendable {
    public let codec: WireCodec
    private let log: @Sendable (String) -> Void

    public init(codec: WireCodec, log: @escaping @Sendable (String) -> Void = KernelLog.standardError) {
        self.codec = codec
        self.log = log
    }

    /// The verified message in `frames`, or nil (after logging why) when they are rejected.
    public func admit(_ frames: [Data], on channel: Channel) -> Message? {
        switch codec.decode(frames) {
        case .success(let message):
            return message
        case .failure(let error):
            log("dropped a message on \(channel.rawValue): \(error)")
            return nil
        }
    }
}
