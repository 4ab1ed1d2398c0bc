import CZeroMQ

/// A ZeroMQ socket sending and receiving multipart messages, each frame a `[UInt8]`.
///
/// Not thread-safe (libzmq sockets are not): use one socket from one thread at a time; it may be
/// handed to another thread. Closed on ``close()`` or deinit.
///
/// `@unchecked Sendable`: wraps a libzmq socket handle, used by one thread at a time.
public final class Socket: @unchecked Sendable {
    public let kind: SocketKind
    let context: Context
    private(set) var handle: UnsafeMutableRawPointer?

    public init(context: Context, kind: SocketKind) throws(ZeroMQError) {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else { throw .current("zmq_socket") }
        self.context = context
        self.kind = kind
        self.handle = handle
    }

    deinit {
        close()
    }

    /// Closes the socket (idempotent). Pending messages are kept for the linger period.
    public func close() {
        if let handle {
            zmq_close(handle)
            self.handle = nil
        }
    }

    func open(_ operation: String) throws(ZeroMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw .failed(operation: operation, code: ENOTSOCK, message: "socket closed") }
        return handle
    }

    /// Sets an option.
    public func set(_ option: SocketOption) throws(ZeroMQError) {
        let handle = try open("zmq_setsockopt")
        guard option.apply(to: handle) == 0 else { throw .current("zmq_setsockopt") }
    }

    /// Binds to an endpoint such as `tcp://127.0.0.1:5555`, `tcp://127.0.0.1:*` or `ipc:///tmp/k-1`.
    public func bind(_ endpoint: String) throws(ZeroMQError) {
        let handle = try open("zmq_bind")
        guard zmq_bind(handle, endpoint) == 0 else { throw .current("zmq_bind \(endpoint)") }
    }

    /// Connects to an endpoint.
    public func connect(_ endpoint: String) throws(ZeroMQError) {
        let handle = try open("zmq_connect")
        guard zmq_connect(handle, endpoint) == 0 else { throw .current("zmq_connect \(endpoint)") }
    }

    /// The endpoint last bound, with a wildcard port resolved (e.g. `tcp://127.0.0.1:41234`).
    public func lastEndpoint() throws(ZeroMQError) -> String {
        let handle = try open("zmq_getsockopt")
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else {
            throw .current("zmq_getsockopt")
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The descriptor that becomes readable when the socket may have new events (`ZMQ_FD`), for
    /// waiting with the operating system's `poll` outside any lock. Edge-triggered: after it
    /// fires (or on a timeout) ask ``canReceive()``, which also resets it.
    public func notificationDescriptor() throws(ZeroMQError) -> Int32 {
        let handle = try open("zmq_getsockopt")
        var descriptor: Int32 = -1
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, ZMQ_FD, &descriptor, &size) == 0 else { throw .current("zmq_getsockopt") }
        return descriptor
    }

    /// Whether a message can be received now without blocking (`ZMQ_EVENTS` has `ZMQ_POLLIN`).
    public func canReceive() throws(ZeroMQError) -> Bool {
        let handle = try open("zmq_getsockopt")
        var events: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, ZMQ_EVENTS, &events, &size) == 0 else { throw .current("zmq_getsockopt") }
        return events & Int32(ZMQ_POLLIN) != 0
    }

    /// Sends `frames` as one multipart message; blocks while the queue is full unless `dontWait`.
    ///
    /// Frames are any byte collections (`[UInt8]`, Foundation's `Data`); contiguous ones are
    /// sent without an intermediate copy. An empty list sends nothing.
    public func send<Frame: Collection>(_ frames: [Frame], dontWait: Bool = false) throws(ZeroMQError)
    where Frame.Element == UInt8 {
        let handle = try open("zmq_send")
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = index + 1 < frames.count ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            while true {
                let sent =
                    frame.withContiguousStorageIfAvailable { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                    ?? Array(frame).withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if sent >= 0 { break }
                if zmq_errno() == EINTR { continue }
                throw .current("zmq_send")
            }
        }
    }

    /// Receives one multipart message. Blocks until one arrives, unless `dontWait`, in which case
    /// nil means none was waiting.
    public func receive(dontWait: Bool = false) throws(ZeroMQError) -> [[UInt8]]? {
        let handle = try open("zmq_msg_recv")
        let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        defer { message.deallocate() }
        var frames = [[UInt8]]()
        while true {
            zmq_msg_init(message)
            defer { zmq_msg_close(message) }
            let flags: Int32 = dontWait && frames.isEmpty ? ZMQ_DONTWAIT : 0
            let received = zmq_msg_recv(message, handle, flags)
            if received < 0 {
                let code = zmq_errno()
                if code == EINTR { continue }
                if code == EAGAIN && frames.isEmpty { return nil }
                throw .current("zmq_msg_recv")
            }
            let size = zmq_msg_size(message)
            if let bytes = zmq_msg_data(message), size > 0 {
                frames.append(Array(UnsafeRawBufferPointer(start: bytes, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(message) == 0 { return frames }
        }
    }
}
