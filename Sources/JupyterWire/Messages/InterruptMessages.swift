/// `interrupt_reply` (interrupt_mode "message"): the running cell was asked to stop.
public struct InterruptReply: OutgoingContent, Equatable {
    public static let messageType = "interrupt_reply"

    public init() {}

    public var json: JSONValue { ["status": "ok"] }
}
