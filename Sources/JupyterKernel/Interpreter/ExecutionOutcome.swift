import JupyterWire

/// How a cell ended.
public enum ExecutionOutcome: Equatable, Sendable {
    /// Ran to the end. `result` (nil when the cell shows nothing) becomes `execute_result`;
    /// `payloads` go into the reply (e.g. a help page).
    case success(result: MimeBundle?, payloads: [Payload] = [])
    /// Failed (including interrupted): published as `error` and returned as an error reply.
    case failure(ErrorContent)
}

/// Extra data an execution hands the frontend in `execute_reply.payload`.
public enum Payload: Equatable, Sendable {
    /// Text shown in the frontend's pager (from `%help`), starting at line `start`.
    case page(text: String, start: Int = 0)

    /// The payload object on the wire.
    public var json: JSONValue {
        switch self {
        case .page(let text, let start):
            return ["source": "page", "data": ["text/plain": .string(text)], "start": .int(start)]
        }
    }
}

/// The value of one `user_expressions` entry.
public enum ExpressionOutcome: Equatable, Sendable {
    case value(MimeBundle)
    case failure(ErrorContent)

    /// The entry in `execute_reply.user_expressions`.
    public var json: JSONValue {
        switch self {
        case .value(let bundle):
            return ["status": "ok", "data": .object(bundle.data), "metadata": .object(bundle.metadata)]
        case .failure(let error):
            return error.errorReply()
        }
    }
}

/// Completions for a `complete_request`: `matches` replace the code points
/// `cursorStart..<cursorEnd` of the code.
public struct Completion: Equatable, Sendable {
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    /// One entry per match, in the same order, or empty when the interpreter does not say
    /// what its matches are.
    public var details: [Detail]

    /// What a match names and, when callable, its signature: an entry of IPython's
    /// `_jupyter_types_experimental` (`type` is e.g. "function", "keyword", "magic",
    /// "instance", "param").
    public struct Detail: Equatable, Sendable {
        public var type: String
        public var signature: String

        public init(type: String, signature: String = "") {
            self.type = type
            self.signature = signature
        }
    }

    public init(matches: [String], cursorStart: Int, cursorEnd: Int, details: [Detail] = []) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.details = details
    }

    /// The reply's `metadata`: `_jupyter_types_experimental` with `start`, `end`, `text`,
    /// `type` and `signature` per match, as IPython sends it (JupyterLab shows the type beside
    /// each match); empty when there are no details.
    public var replyMetadata: [String: JSONValue] {
        guard !details.isEmpty, details.count == matches.count else { return [:] }
        let entries = zip(matches, details).map { text, detail -> JSONValue in
            [
                "start": .int(cursorStart), "end": .int(cursorEnd), "text": .string(text), "type": .string(detail.type),
                "signature": .string(detail.signature)
            ]
        }
        return ["_jupyter_types_experimental": .array(entries)]
    }
}
