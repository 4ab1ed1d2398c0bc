import Foundation
import JupyterWire

/// The stdin channel as a running cell uses it: send one message to the front end, then take
/// what it sends back. Implemented by a runtime (a ROUTER socket); used by one cell at a time,
/// from the thread that runs it.
public protocol StdinTransport: AnyObject, Sendable {
    /// Sends `message` (an `input_request`) to the identities it carries; false when no
    /// connection of that front end took it (its stdin socket is not connected yet, or at all).
    func send(_ message: Message) -> Bool
    /// The next verified message on stdin within `timeout` seconds, or nil.
    func receive(timeout: TimeInterval) -> Message?
}

/// What asking the front end for a line of text gave.
public enum InputAnswer: Equatable, Sendable {
    /// The line the user typed (without its newline).
    case text(String)
    /// The user interrupted the kernel while it waited.
    case interrupted
    /// The request said `allow_stdin: false`, or the runtime has no stdin channel.
    case unavailable
}
