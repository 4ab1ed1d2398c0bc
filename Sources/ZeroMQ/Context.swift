import CZeroMQ

#if canImport(Glibc)
    import Glibc
#endif

/// A libzmq context: owns the I/O thread all of its sockets use.
///
/// Sockets keep their context alive; the context is terminated when the last reference goes.
/// ``shutdown()`` makes every blocking call on its sockets, in any thread, fail with
/// ``ZeroMQError/terminated`` — the way to stop socket loops running on other threads.
///
/// `@unchecked Sendable`: wraps a libzmq context, which libzmq makes safe to use from any thread.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// How the context's I/O thread is scheduled (Linux).
    public enum IOScheduling: Sendable {
        /// The system's default policy.
        case standard
        /// `SCHED_BATCH`: the I/O thread, woken by a send, does not preempt the thread that sent.
        /// A thread that sends several messages in quick succession (as a kernel does for one
        /// request) finishes first and the I/O thread writes them in one go — instead of
        /// running in between and taking the CPU away once per message. Where the system does
        /// not let this process use `SCHED_BATCH` (some sandboxes), `.standard` is used instead.
        case batch
    }

    /// Glibc's <sched.h> names SCHED_BATCH (3) only under _GNU_SOURCE.
    private static let schedBatch: Int32 = 3

    public init(ioScheduling: IOScheduling = .standard) throws(ZeroMQError) {
        guard let handle = zmq_ctx_new() else { throw .current("zmq_ctx_new") }
        self.handle = handle
        #if os(Linux)
            if case .batch = ioScheduling, Self.mayScheduleThreadsAsBatch() {
                // Before the first socket: the I/O thread starts with it and reads the policy then.
                guard zmq_ctx_set(handle, ZMQ_THREAD_SCHED_POLICY, Self.schedBatch) == 0 else {
                    let error = ZeroMQError.current("zmq_ctx_set")
                    zmq_ctx_term(handle)
                    throw error
                }
            }
        #endif
    }

    #if os(Linux)
        /// Whether this process may switch a thread to `SCHED_BATCH`. libzmq aborts the process when
        /// it cannot apply a requested policy, so the calling thread tries it first and takes its
        /// own policy back.
        private static func mayScheduleThreadsAsBatch() -> Bool {
            var policy: Int32 = 0
            var original = sched_param()
            guard pthread_getschedparam(pthread_self(), &policy, &original) == 0 else { return false }
            var batch = sched_param(sched_priority: 0)
            guard pthread_setschedparam(pthread_self(), schedBatch, &batch) == 0 else { return false }
            return pthread_setschedparam(pthread_self(), policy, &original) == 0
        }
    #endif

    /// Unblocks and fails every blocking operation on this context's sockets (thread-safe).
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    private var terminated = false

    /// Frees the context once every one of its sockets is closed, after their pending
    /// messages are sent (each socket waits at most its linger period). Blocks while any
    /// socket is still open; call it once, from one thread.
    public func terminate() {
        guard !terminated else { return }
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
        terminated = true
    }

    deinit {
        terminate()
    }
}
