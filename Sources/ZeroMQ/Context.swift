import CZeroMQ

/// A libzmq context: owns the I/O thread all of its sockets use.
///
/// Sockets keep their context alive; the context is terminated when the last reference goes.
/// ``shutdown()`` makes every blocking call on its sockets, in any thread, fail with
/// ``ZeroMQError/terminated`` — the way to stop socket loops running on other threads.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() throws(ZeroMQError) {
        guard let handle = zmq_ctx_new() else { throw .current("zmq_ctx_new") }
        self.handle = handle
    }

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
