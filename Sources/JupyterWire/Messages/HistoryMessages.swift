/// `history_request`: earlier inputs (and optionally outputs) of this kernel.
///
/// Three access types: `tail` (the last `n`), `range` (lines `start..<stop` of `session`;
/// session 0 or negative means the current one) and `search` (inputs matching the glob
/// `pattern`, the last `n`, optionally `unique`).
public struct HistoryRequest: IncomingContent, Equatable {
    public static let messageType = "history_request"

    /// Which entries to return.
    public enum Access: Equatable, Sendable {
        case tail(count: Int)
        case range(session: Int, start: Int, stop: Int?)
        case search(pattern: String, count: Int?, unique: Bool)
    }

    public var access: Access
    /// Return `[input, output]` pairs instead of inputs.
    public var includeOutput: Bool
    public var raw: Bool

    public init(access: Access, includeOutput: Bool = false, raw: Bool = true) {
        self.access = access
        self.includeOutput = includeOutput
        self.raw = raw
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        let kind = try reader.string("hist_access_type", default: "tail")
        let access: Access
        switch kind {
        case "tail":
            access = .tail(count: try reader.int("n", default: 10))
        case "range":
            access = .range(
                session: try reader.int("session", default: 0), start: try reader.int("start", default: 0),
                stop: try reader.optionalInt("stop")
            )
        case "search":
            access = .search(
                pattern: try reader.string("pattern", default: "*"), count: try reader.optionalInt("n"),
                unique: try reader.bool("unique", default: false)
            )
        default:
            throw .invalidValue(field: "hist_access_type", reason: "\"\(kind)\" is not tail, range or search")
        }
        self.init(
            access: access, includeOutput: try reader.bool("output", default: false),
            raw: try reader.bool("raw", default: true)
        )
    }
}

/// One history line: session number, line (execution count), input, and output if asked.
public struct HistoryEntry: Equatable, Sendable {
    public var session: Int
    public var line: Int
    public var input: String
    public var output: String?

    public init(session: Int, line: Int, input: String, output: String? = nil) {
        self.session = session
        self.line = line
        self.input = input
        self.output = output
    }
}

/// `history_reply`: `[[session, line, input]]`, or `[[session, line, [input, output]]]`.
public struct HistoryReply: OutgoingContent, Equatable {
    public static let messageType = "history_reply"
    public var entries: [HistoryEntry]
    public var includeOutput: Bool

    public init(entries: [HistoryEntry], includeOutput: Bool) {
        self.entries = entries
        self.includeOutput = includeOutput
    }

    public var json: JSONValue {
        let rows: [JSONValue] = entries.map { entry in
            let item: JSONValue =
                includeOutput
                ? [.string(entry.input), entry.output.map(JSONValue.string) ?? .null]
                : .string(entry.input)
            return [.int(entry.session), .int(entry.line), item]
        }
        return ["status": "ok", "history": .array(rows)]
    }
}
