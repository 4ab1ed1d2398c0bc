import Foundation
import JupyterKernel
import JupyterWire

/// Records every message the kernel sends, with its channel, in order (thread-safe).
public final class RecordingSink: MessageSink, @unchecked Sendable {
    public struct Sent {
        public let channel: Channel
        public let message: Message
    }

    private let lock = NSLock()

    public init() {}
    private var _sent = [Sent]()

    public var sent: [Sent] {
        lock.lock()
        defer { lock.unlock() }
        return _sent
    }

    private var _flushes = [Int]()

    /// For each ``flush()``, how many messages had been sent before it.
    public var flushes: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return _flushes
    }

    public func send(_ message: Message, on channel: Channel) {
        lock.lock()
        _sent.append(Sent(channel: channel, message: message))
        lock.unlock()
    }

    public func flush() {
        lock.lock()
        _flushes.append(_sent.count)
        lock.unlock()
    }

    /// Everything caused by the request `id` (its parent), in order.
    public func caused(by id: String) -> [Sent] {
        sent.filter { $0.message.parentMessageID == id }
    }

    /// IOPub messages caused by `id`, as types.
    public func iopubTypes(for id: String) -> [String] {
        caused(by: id).filter { $0.channel == .iopub }.map(\.message.type)
    }

    /// The single reply to `id` (nil if none or several).
    public func reply(to id: String) -> Sent? {
        let replies = caused(by: id).filter { $0.channel != .iopub }
        return replies.count == 1 ? replies[0] : nil
    }

    /// IOPub contents of type `type` caused by `id`.
    public func published(_ type: String, for id: String) -> [JSONValue] {
        caused(by: id).filter { $0.channel == .iopub && $0.message.type == type }.map(\.message.content)
    }
}
