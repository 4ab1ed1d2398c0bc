/// `is_complete_request`: would `code` run as it is, or does the console need more lines?
public struct IsCompleteRequest: IncomingContent, Equatable {
    public static let messageType = "is_complete_request"
    public var code: String

    public init(code: String) {
        self.code = code
    }

    public init(json: JSONValue) throws(ContentError) {
        self.init(code: try ContentReader(json).string("code"))
    }
}

/// Whether a piece of code is ready to run.
public enum Completeness: Equatable, Sendable {
    case complete
    /// More input is expected; the console indents the next line with `indent`.
    case incomplete(indent: String)
    case invalid
    case unknown
}

/// `is_complete_reply`.
public struct IsCompleteReply: OutgoingContent, Equatable {
    public static let messageType = "is_complete_reply"
    public var completeness: Completeness

    public init(_ completeness: Completeness) {
        self.completeness = completeness
    }

    public var json: JSONValue {
        switch completeness {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": .string(indent)]
        case .invalid: return ["status": "invalid"]
        case .unknown: return ["status": "unknown"]
        }
    }
}
