/// A request from a frontend, decoded once from its message type and content.
///
/// Dispatch is a single `switch` over this enum; `unsupported` carries any other type, which
/// still gets an answer.
public enum Request: Equatable, Sendable {
    case kernelInfo
    case execute(ExecuteRequest)
    case complete(CompleteRequest)
    case inspect(InspectRequest)
    case isComplete(IsCompleteRequest)
    case history(HistoryRequest)
    case commInfo(CommInfoRequest)
    case commOpen(CommOpen)
    case commMsg(CommMsg)
    case commClose(CommClose)
    case shutdown(ShutdownRequest)
    case interrupt
    /// A type this kernel does not handle.
    case unsupported(type: String)

    /// Decodes the request carried by `message`.
    public init(_ message: Message) throws(ContentError) {
        let content = message.content
        switch message.type {
        case "kernel_info_request": self = .kernelInfo
        case ExecuteRequest.messageType: self = .execute(try ExecuteRequest(json: content))
        case CompleteRequest.messageType: self = .complete(try CompleteRequest(json: content))
        case InspectRequest.messageType: self = .inspect(try InspectRequest(json: content))
        case IsCompleteRequest.messageType: self = .isComplete(try IsCompleteRequest(json: content))
        case HistoryRequest.messageType: self = .history(try HistoryRequest(json: content))
        case CommInfoRequest.messageType: self = .commInfo(try CommInfoRequest(json: content))
        case CommOpen.messageType: self = .commOpen(try CommOpen(json: content))
        case CommMsg.messageType: self = .commMsg(try CommMsg(json: content))
        case CommClose.messageType: self = .commClose(try CommClose(json: content))
        case ShutdownRequest.messageType: self = .shutdown(try ShutdownRequest(json: content))
        case "interrupt_request": self = .interrupt
        default: self = .unsupported(type: message.type)
        }
    }

    /// The reply type for a request type: `x_request` → `x_reply`; other types get `x_reply` too.
    public static func replyType(for requestType: String) -> String {
        if requestType.hasSuffix("_request") {
            return String(requestType.dropLast("_request".count)) + "_reply"
        }
        return requestType + "_reply"
    }
}
