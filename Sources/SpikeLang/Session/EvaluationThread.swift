import Foundation

/// Where a session runs its cells: in place on a caller with a large enough stack, otherwise on
/// one long-lived thread of its own with a large stack.
///
/// The parser bounds nesting and the evaluator bounds call depth, but those bounds must hold
/// whatever thread the kernel calls from (secondary threads often get 512 KB). The 512 MB
/// stack is reserved, not committed: pages are touched only as deep as evaluation goes.
/// A caller whose own stack is at least ``stackSize`` (e.g. a kernel's shell thread made for
/// the interpreter) runs the work in place, with no hand-off at all; any other caller hands
/// the work to the own thread, started on first need (~10 µs a hand-off instead of ~70 µs for a
/// thread start per cell). Work from different callers never overlaps: a session is used by one
/// request at a time. The owner must call `stop()` when done (the session does so in `deinit`).
///
/// `@unchecked Sendable`: a condition-variable queue — `pending`, `stopping` and `thread` are
/// used only with `condition` locked, and handed-over work runs on one thread at a time.
final class EvaluationThread: @unchecked Sendable {
    static let stackSize = 512 << 20

    private let condition = NSCondition()
    /// The work waiting to run, or nil when idle; guarded by `condition`.
    private var pending: (() -> Void)?
    private var stopping = false
    /// The own thread once started; guarded by `condition`.
    private var thread: Thread?

    init() {}

    /// Whether the calling thread has the stack the evaluation needs, so work can run in place.
    static var callerHasLargeStack: Bool {
        Thread.current.stackSize >= stackSize
    }

    /// Runs `work` with a large stack and returns its result: in place when the calling thread
    /// has one (the own thread included), otherwise on the own thread.
    func run<T>(_ work: @escaping () -> T) -> T {
        if Self.callerHasLargeStack { return work() }
        var result: T?
        condition.lock()
        startIfNeeded()
        pending = { result = work() }
        condition.broadcast()
        while pending != nil { condition.wait() }
        condition.unlock()
        guard let result else { preconditionFailure("the evaluation thread finished without a result") }
        return result
    }

    /// Ends the own thread once it is idle, after running `last` with a large stack (on the own
    /// thread, started for it if need be, without waiting; in place when the caller has one).
    ///
    /// The session hands its bindings over this way so that they are released on a large
    /// stack. Lists, records and functions release their contents iteratively; the large
    /// stack is a margin for any other value whose release recurses.
    func stop(after last: (() -> Void)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        if let last {
            if Self.callerHasLargeStack {
                last()
            } else {
                startIfNeeded()
                pending = last
            }
        }
        stopping = true
        condition.broadcast()
    }

    /// Starts the own thread; called with `condition` held.
    private func startIfNeeded() {
        guard thread == nil else { return }
        // The thread keeps this object alive until `stop()` lets `serve()` return.
        let thread = Thread { self.serve() }
        thread.stackSize = EvaluationThread.stackSize
        thread.name = "spike-evaluation"
        self.thread = thread
        thread.start()
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
