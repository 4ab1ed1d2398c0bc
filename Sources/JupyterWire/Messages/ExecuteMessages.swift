/// `execute_request`: run `code`.
///
/// Defaults follow the spec: `silent` false, `store_history` true, `user_expressions` {},
/// `allow_stdin` true, `stop_on_error` true. `silent` forces `store_history` false.
public struct ExecuteRequest: IncomingContent, Equatable {
    public static let messageType = "execute_request"
    public var code: String
    public var silent: Bool
    public var storeHistory: Bool
    /// Names → expressions to evaluate after the code.
    public var userExpressions: [String: String]
    public var allowStdin: Bool
    public var stopOnError: Bool

    public init(
        code: String, silent: Bool = false, storeHistory: Bool = true, userExpressions: [String: String] = [:],
        allowStdin: Bool = true, stopOnError: Bool = true
    ) {
        self.code = code
        self.silent = silent
        self.storeHistory = storeHistory && !silent
        self.userExpressions = userExpressions
        self.allowStdin = allowStdin
        self.stopOnError = stopOnError
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        var expressions = [String: String]()
        for (name, value) in try reader.object("user_expressions", default: [:]) {
            guard let text = value.stringValue else {
                throw .wrongType(field: "user_expressions.\(name)", expected: "a string")
            }
            expressions[name] = text
        }
        self.init(
            code: try reader.string("code"), silent: try reader.bool("silent", default: false),
            storeHistory: try reader.bool("store_history", default: true), userExpressions: expressions,
            allowStdin: try reader.bool("allow_stdin", default: true),
            stopOnError: try reader.bool("stop_on_error", default: true)
        )
    }

    public var json: JSONValue {
        [
            "code": .string(code), "silent": .bool(silent), "store_history": .bool(storeHistory),
            "user_expressions": .object(userExpressions.mapValues(JSONValue.string)),
            "allow_stdin": .bool(allowStdin), "stop_on_error": .bool(stopOnError)
        ]
    }
}

/// `execute_reply`: how an execution ended.
public enum ExecuteReply: OutgoingContent, Equatable {
    public static let messageType = "execute_reply"
    /// Finished; `payload` entries (e.g. pages) and evaluated user expressions.
    case ok(executionCount: Int, payload: [JSONValue], userExpressions: [String: JSONValue])
    /// Failed with `error`.
    case error(executionCount: Int, ErrorContent)
    /// Not run because an earlier execution failed with `stop_on_error`.
    case aborted(executionCount: Int)

    public var json: JSONValue {
        switch self {
        case .ok(let count, let payload, let expressions):
            return [
                "status": "ok", "execution_count": .int(count), "payload": .array(payload),
                "user_expressions": .object(expressions)
            ]
        case .error(let count, let error):
            return error.errorReply(["execution_count": .int(count), "payload": [], "user_expressions": [:]])
        case .aborted(let count):
            return ["status": "aborted", "execution_count": .int(count)]
        }
    }
}

/// `execute_input` (IOPub): the code being run and its execution count.
public struct ExecuteInput: OutgoingContent, Equatable {
    public static let messageType = "execute_input"
    public var code: String
    public var executionCount: Int

    public init(code: String, executionCount: Int) {
        self.code = code
        self.executionCount = executionCount
    }

    public var json: JSONValue { ["code": .string(code), "execution_count": .int(executionCount)] }
}

/// `execute_result` (IOPub): the value of the cell, at most one per execution.
public struct ExecuteResult: OutgoingContent, Equatable {
    public static let messageType = "execute_result"
    public var executionCount: Int
    public var bundle: MimeBundle

    public init(executionCount: Int, bundle: MimeBundle) {
        self.executionCount = executionCount
        self.bundle = bundle
    }

    public var json: JSONValue {
        ["execution_count": .int(executionCount), "data": .object(bundle.data), "metadata": .object(bundle.metadata)]
    }
}
