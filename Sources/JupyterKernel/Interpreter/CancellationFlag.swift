import Foundation

/// The "please stop" flag an interrupt sets and a running cell polls.
///
/// Set by `interrupt_request` (control thread), by SIGINT (signal handler queue) and by
/// shutdown; cleared when the next execution starts. Thread-safe; reading costs one lock.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Whether cancellation was requested.
    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Requests cancellation.
    public func set() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Clears the request (at the start of an execution).
    public func reset() {
        lock.lock()
        raised = false
        lock.unlock()
    }
}
