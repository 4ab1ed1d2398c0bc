import Foundation
import JupyterWire

/// Coalesces stream writes into few `stream` messages (IOPub is rate-limited by servers, so
/// one message per `print` is not acceptable).
///
/// Text accumulates while it goes to the same stream; it is released when the stream changes,
/// when it is older than `interval`, when it exceeds `limit` UTF-8 bytes, or on ``flush()``.
/// A state machine: each call returns the outputs to emit now; time is passed in.
///
///     var batcher = StreamBatcher(interval: 0.1, limit: 65_536)
///     batcher.write("a", to: .stdout, at: t0)   // []
///     batcher.write("b", to: .stdout, at: t0)   // []
///     batcher.write("!", to: .stderr, at: t0)   // [.stream(.stdout, "ab")]
///     batcher.flush()                            // [.stream(.stderr, "!")]
struct StreamBatcher {
    let interval: TimeInterval
    let limit: Int
    private var pending: (stream: StreamName, text: String, since: Date, bytes: Int)?

    init(interval: TimeInterval = 0.1, limit: Int = 65_536) {
        self.interval = interval
        self.limit = limit
    }

    /// Buffers `text` for `stream`; returns what must be emitted first or now.
    mutating func write(_ text: String, to stream: StreamName, at now: Date) -> [ExecutionOutput] {
        guard !text.isEmpty else { return [] }
        var out = [ExecutionOutput]()
        if let current = pending, current.stream != stream {
            out += flush()
        }
        if var current = pending {
            current.text += text
            current.bytes += text.utf8.count
            pending = current
        } else {
            pending = (stream, text, now, text.utf8.count)
        }
        if let current = pending, current.bytes >= limit || now.timeIntervalSince(current.since) >= interval {
            out += flush()
        }
        return out
    }

    /// Releases buffered text older than `interval`.
    mutating func flushIfStale(at now: Date) -> [ExecutionOutput] {
        guard let current = pending, now.timeIntervalSince(current.since) >= interval else { return [] }
        return flush()
    }

    /// Releases everything buffered.
    mutating func flush() -> [ExecutionOutput] {
        guard let current = pending else { return [] }
        pending = nil
        return [.stream(current.stream, current.text)]
    }
}
