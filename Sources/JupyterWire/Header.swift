import Foundation

/// A message header: who sent what, when, under which protocol version.
///
/// Keys on the wire: `msg_id`, `session`, `username`, `date`, `msg_type`, `version`. Unknown
/// keys (e.g. `subshell_id`) are kept in `extras`, so a header copied into a reply's
/// `parent_header` round-trips exactly.
public struct Header: Equatable, Sendable {
    public var messageID: String
    public var session: String
    public var username: String
    /// ISO-8601 with timezone, e.g. `2026-01-01T12:00:00.123456Z`.
    public var date: String
    public var messageType: String
    public var version: String
    /// Header keys this type does not name.
    public var extras: [String: JSONValue]
    /// Named keys that were absent from a received header; left out again by ``json`` so a
    /// header copied into `parent_header` is exactly what the client sent.
    private var absent: Set<String> = []

    public init(
        messageID: String, session: String, username: String, date: String, messageType: String,
        version: String = JupyterWire.protocolVersion, extras: [String: JSONValue] = [:]
    ) {
        self.messageID = messageID
        self.session = session
        self.username = username
        self.date = date
        self.messageType = messageType
        self.version = version
        self.extras = extras
    }

    /// The header as a JSON object.
    public var json: JSONValue {
        if extras.isEmpty && absent.isEmpty {
            return .object([
                "msg_id": .string(messageID), "session": .string(session), "username": .string(username),
                "date": .string(date), "msg_type": .string(messageType), "version": .string(version)
            ])
        }
        var members = extras
        members["msg_id"] = .string(messageID)
        members["session"] = .string(session)
        members["username"] = .string(username)
        members["date"] = .string(date)
        members["msg_type"] = .string(messageType)
        members["version"] = .string(version)
        for key in absent { members[key] = nil }
        return .object(members)
    }

    /// The bytes of `json.jsonBytes()`, written straight from the fields when the header has
    /// only its named keys (every header the kernel makes), without building the object.
    public func jsonBytes() -> Data {
        guard extras.isEmpty, absent.isEmpty else { return json.jsonBytes() }
        var writer = JSONWriter(reservingCapacity: 200)
        writer.writeObject(sortedStringMembers: [
            "date": date, "msg_id": messageID, "msg_type": messageType, "session": session,
            "username": username, "version": version
        ])
        return Data(writer.bytes)
    }

    /// Reads a header object. `msg_id` and `msg_type` are required strings; the other named
    /// keys default to "" when absent (clients are lenient about them, so is the kernel).
    public init(json: JSONValue) throws(WireError) {
        guard var members = json.objectValue else { throw .invalidHeader("not an object") }
        var absent = Set<String>()
        func take(_ key: String, required: Bool) throws(WireError) -> String {
            let value = members.removeValue(forKey: key)
            if value == nil { absent.insert(key) }
            if let text = value?.stringValue { return text }
            if required || (value != nil && value != .null) { throw .invalidHeader("\(key) must be a string") }
            return ""
        }
        messageID = try take("msg_id", required: true)
        messageType = try take("msg_type", required: true)
        session = try take("session", required: false)
        username = try take("username", required: false)
        date = try take("date", required: false)
        version = try take("version", required: false)
        extras = members
        self.absent = absent
    }
}
