/// `complete_request`: completions at `cursorPosition`, in Unicode code points (protocol ≥ 5.2).
public struct CompleteRequest: IncomingContent, Equatable {
    public static let messageType = "complete_request"
    public var code: String
    /// Cursor offset in Unicode scalars (code points) from the start of `code`.
    public var cursorPosition: Int

    public init(code: String, cursorPosition: Int) {
        self.code = code
        self.cursorPosition = cursorPosition
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        let code = try reader.string("code")
        self.init(code: code, cursorPosition: try reader.int("cursor_pos", default: code.unicodeScalars.count))
    }
}

/// `complete_reply`: matches replacing the code points `cursorStart..<cursorEnd`.
public struct CompleteReply: OutgoingContent, Equatable {
    public static let messageType = "complete_reply"
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    public var metadata: [String: JSONValue]

    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue] = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }

    public var json: JSONValue {
        [
            "status": "ok", "matches": .array(matches.map(JSONValue.string)), "cursor_start": .int(cursorStart),
            "cursor_end": .int(cursorEnd), "metadata": .object(metadata)
        ]
    }
}
