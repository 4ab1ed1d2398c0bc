import Foundation

/// A one-shot "the kernel should stop" event, raisable from any thread, awaited by the runtime.
///
/// `@unchecked Sendable`: a condition variable — `raised` is used only with `condition` locked.
final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var raised = false

    /// Raises the event (idempotent).
    func raise() {
        condition.lock()
        raised = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the event was raised.
    var isRaised: Bool {
        condition.lock()
        defer { condition.unlock() }
        return raised
    }

    /// Blocks until the event is raised.
    func wait() {
        condition.lock()
        while !raised { condition.wait() }
        condition.unlock()
    }
}
