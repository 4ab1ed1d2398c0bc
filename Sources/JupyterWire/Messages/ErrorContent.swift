/// An error as the protocol reports it: short type name, message, traceback lines.
///
/// Used by error replies (`status: "error"`), the IOPub `error` message and failed
/// user expressions.
public struct ErrorContent: Equatable, Sendable {
    public var name: String
    public var value: String
    public var traceback: [String]

    public init(name: String, value: String, traceback: [String] = []) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }

    /// The `ename`/`evalue`/`traceback` members.
    public var members: [String: JSONValue] {
        ["ename": .string(name), "evalue": .string(value), "traceback": .array(traceback.map(JSONValue.string))]
    }

    /// `{status: "error", ename, evalue, traceback}` plus `extra` members.
    public func errorReply(_ extra: [String: JSONValue] = [:]) -> JSONValue {
        var all = members.merging(extra) { own, _ in own }
        all["status"] = "error"
        return .object(all)
    }
}

/// The IOPub `error` message: an execution failed.
public struct ErrorOutput: OutgoingContent, Equatable {
    public static let messageType = "error"
    public var error: ErrorContent

    public init(_ error: ErrorContent) {
        self.error = error
    }

    public var json: JSONValue { .object(error.members) }
}
