import Synchronization

/// The "please stop" flag an interrupt sets and a running cell polls.
///
/// Set by `interrupt_request` (control thread), by SIGINT (signal handler queue) and by
/// shutdown; cleared when the next execution starts. Thread-safe; reading costs one atomic load.
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Whether cancellation was requested.
    public var isSet: Bool { raised.load(ordering: .acquiring) }

    /// Requests cancellation.
    public func set() { raised.store(true, ordering: .releasing) }

    /// Clears the request (at the start of an execution).
    public func reset() { raised.store(false, ordering: .releasing) }
}
