import Foundation
import JupyterKernel
import JupyterWire
import Synchronization

/// Records every message the kernel sends, with its channel, in order (thread-safe).
public final class RecordingSink: MessageSink {
    public struct Sent: Sendable {
        public let channel: Channel
        public let message: Message
    }

    private let log = Mutex((sent: [Sent](), flushes: [Int]()))

    public init() {}

    public var sent: [Sent] { log.withLock { $0.sent } }

    /// For each ``flush()``, how many messages had been sent before it.
    public var flushes: [Int] { log.withLock { $0.flushes } }

    public func send(_ message: Message, on channel: Channel) {
        log.withLock { $0.sent.append(Sent(channel: channel, message: message)) }
    }

    public func flush() {
        log.withLock { $0.flushes.append($0.sent.count) }
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
