/// `inspect_request`: what is known about the name at `cursorPosition` (code points).
public struct InspectRequest: IncomingContent, Equatable {
    public static let messageType = "inspect_request"
    public var code: String
    public var cursorPosition: Int
    /// 0 = summary, 1 = more detail.
    public var detailLevel: Int

    public init(code: String, cursorPosition: Int, detailLevel: Int = 0) {
        self.code = code
        self.cursorPosition = cursorPosition
        self.detailLevel = detailLevel
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        let code = try reader.string("code")
        self.init(
            code: code, cursorPosition: try reader.int("cursor_pos", default: code.unicodeScalars.count),
            detailLevel: try reader.int("detail_level", default: 0)
        )
    }
}

/// `inspect_reply`: `found` false with empty data when nothing is known (not an error).
public struct InspectReply: OutgoingContent, Equatable {
    public static let messageType = "inspect_reply"
    public var bundle: MimeBundle?

    public init(bundle: MimeBundle?) {
        self.bundle = bundle
    }

    public var json: JSONValue {
        [
            "status": "ok", "found": .bool(bundle != nil), "data": .object(bundle?.data ?? [:]),
            "metadata": .object(bundle?.metadata ?? [:])
        ]
    }
}
