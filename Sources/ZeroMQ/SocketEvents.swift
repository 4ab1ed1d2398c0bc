import CZeroMQ

/// Connection events a socket monitor reports (`ZMQ_EVENT_*`), as a set.
public struct SocketEvents: OptionSet, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// A peer's connection was accepted (bound sockets).
    public static let accepted = SocketEvents(rawValue: ZMQ_EVENT_ACCEPTED)
    /// A peer's connection ended (it closed, or was dropped, e.g. for a frame over the limit).
    public static let disconnected = SocketEvents(rawValue: ZMQ_EVENT_DISCONNECTED)
}

extension Socket {
    /// Reports this socket's `events` on the inproc endpoint `endpoint`, to which a ``SocketKind/pair``
    /// socket of the same context connects (`zmq_socket_monitor`). Each event arrives as two
    /// frames: 6 bytes (event number and value, in the machine's byte order) and the peer's endpoint. Call it from the thread
    /// that owns this socket, before handing the socket to another thread.
    public func monitor(_ events: SocketEvents, at endpoint: String) throws(ZeroMQError) {
        let handle = try open("zmq_socket_monitor")
        guard zmq_socket_monitor(handle, endpoint, events.rawValue) == 0 else {
            throw .current("zmq_socket_monitor \(endpoint)")
        }
    }

    /// The event number in the first frame of a monitor message, or nil if it is malformed.
    public static func monitorEvent(in frames: [[UInt8]]) -> SocketEvents? {
        guard let first = frames.first, first.count >= 2 else { return nil }
        return SocketEvents(rawValue: Int32(first.withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) }))
    }
}
