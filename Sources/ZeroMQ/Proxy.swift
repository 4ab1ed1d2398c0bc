import CZeroMQ

/// libzmq's built-in proxy: forwards messages between two sockets on the calling thread.
public enum Proxy {
    /// Forwards between `frontend` and `backend` until the context shuts down.
    ///
    /// With the same ROUTER as both ends this is an echo: each message goes back to the peer
    /// that sent it — the heartbeat (as ipykernel's `zmq.device(QUEUE, s, s)` does).
    /// Returns normally when the context is shut down.
    public static func run(frontend: Socket, backend: Socket) throws(ZeroMQError) {
        guard let front = frontend.handle, let back = backend.handle else {
            throw .failed(operation: "zmq_proxy", code: ENOTSOCK, message: "socket closed")
        }
        while zmq_proxy(front, back, nil) != 0 {
            let error = ZeroMQError.current("zmq_proxy")
            if error == .terminated { return }
            if case .failed(_, let code, _) = error, code == EINTR { continue }
            throw error
        }
    }
}
