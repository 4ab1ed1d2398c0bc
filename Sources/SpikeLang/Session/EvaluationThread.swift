import Foundation

/// One long-lived thread with a large stack on which a session runs its cells.
///
/// The parser bounds nesting and the evaluator bounds call depth, but those bounds must hold
/// whatever thread the kernel calls from (secondary threads often get 512 KB). The 512 MB
/// stack is reserved, not committed: pages are touched only as deep as evaluation goes.
/// Reusing one thread costs a hand-off (~10 µs) instead of a thread start (~70 µs) per cell.
/// The owner must call `stop()` when done (the session does so in `deinit`).
final class EvaluationThread: @unchecked Sendable {
    static let stackSize = 512 << 20

    private let condition = NSCondition()
    /// The work waiting to run, or nil when idle; guarded by `condition`.
    private var pending: (() -> Void)?
    private var stopping = false
    private var thread: Thread?

    init() {
        // The thread keeps this object alive until `stop()` lets `serve()` return.
        let thread = Thread { self.serve() }
        thread.stackSize = EvaluationThread.stackSize
        thread.name = "spike-evaluation"
        self.thread = thread
        thread.start()
    }

    /// Runs `work` on the evaluation thread and returns its result; runs it in place when
    /// already on that thread.
    func run<T>(_ work: @escaping () -> T) -> T {
        if Thread.current == thread { return work() }
        var result: T?
        condition.lock()
        pending = { result = work() }
        condition.broadcast()
        while pending != nil { condition.wait() }
        condition.unlock()
        guard let result else { preconditionFailure("the evaluation thread finished without a result") }
        return result
    }

    /// Ends the thread once it is idle, after running `last` on it (without waiting).
    ///
    /// The session hands its bindings over this way so that they are released on this
    /// thread's large stack: releasing a deeply nested value recurses once per level.
    func stop(after last: (() -> Void)? = nil) {
        condition.lock()
        if let last, Thread.current != thread {
            pending = last
        } else {
            last?()
        }
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while pending == nil, !stopping { condition.wait() }
            guard var work = pending else {
                condition.unlock()
                return
            }
            condition.unlock()
            work()
            // Drop this thread's reference before the caller may drop its own, so whatever
            // the work captured is released here, on the large stack.
            work = {}
            condition.lock()
            pending = nil
            condition.broadcast()
            condition.unlock()
        }
    }
}
