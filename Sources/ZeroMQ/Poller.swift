import CZeroMQ

/// Waits until any of several sockets has a message to read.
public enum Poller {
    /// Which of `sockets` are readable, waiting at most `timeoutMilliseconds` (-1 = forever).
    ///
    /// Returns one flag per socket, in order. A signal interrupting the wait counts as a timeout.
    public static func readable(_ sockets: [Socket], timeoutMilliseconds: Int) throws(ZeroMQError) -> [Bool] {
        var items = [zmq_pollitem_t]()
        for socket in sockets {
            guard let handle = socket.handle else {
                throw .failed(operation: "zmq_poll", code: ENOTSOCK, message: "socket closed")
            }
            items.append(zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
        }
        let result = zmq_poll(&items, Int32(items.count), timeoutMilliseconds)
        if result < 0 {
            if zmq_errno() == EINTR { return Array(repeating: false, count: sockets.count) }
            throw .current("zmq_poll")
        }
        return items.map { ($0.revents & Int16(ZMQ_POLLIN)) != 0 }
    }
}
