import Foundation
import JupyterWire

/// Where a kernel loop reads requests from: a socket, a stdin reader, an in-memory queue.
///
/// Messages that fail verification or decoding never come out of a source; the source logs
/// and drops them.
public protocol MessageSource: AnyObject {
    /// The next message, waiting as long as needed; nil when the source is closed.
    func next() -> Message?
    /// A message that is already waiting, or nil without waiting.
    func nextIfQueued() -> Message?
    /// A message that is waiting or arrives within `timeout` seconds; nil when none does (or
    /// the source is closed).
    func next(timeout: TimeInterval) -> Message?
}

extension MessageSource {
    /// Polls ``nextIfQueued()`` every half millisecond until `timeout` has passed: for sources
    /// that cannot wait with a deadline. The kernel waits this way only while it holds a
    /// failed execution's reply (see ``AbortWindow``), at most ``AbortWindow/longest``.
    public func next(timeout: TimeInterval) -> Message? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            if let message = nextIfQueued() { return message }
            if Date() >= deadline { return nil }
            usleep(500)
        }
    }
}

/// Where a kernel sends replies and IOPub messages. Must be safe to call from several threads
/// (the shell and control loops share it) and must keep the order of calls per channel.
public protocol MessageSink: AnyObject, Sendable {
    func send(_ message: Message, on channel: Channel)
    /// Lets what was sent so far leave now: the kernel calls it before work that may take a
    /// while (running a cell), so the frontend sees `busy` and `execute_input` at once. A sink
    /// that sends each message as it comes has nothing to do (the default).
    func flush()
}

extension MessageSink {
    public func flush() {}
}
