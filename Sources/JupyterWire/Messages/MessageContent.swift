/// Content the kernel sends: a message type and the JSON it puts in `content`.
public protocol OutgoingContent: Sendable {
    /// The `msg_type` of messages carrying this content.
    static var messageType: String { get }
    /// The content object.
    var json: JSONValue { get }
}

/// Content the kernel receives: decoded once from the `content` object of a request.
public protocol IncomingContent: Sendable {
    /// The `msg_type` of messages carrying this content.
    static var messageType: String { get }
    /// Reads the content; fields the protocol makes optional take their documented defaults.
    init(json: JSONValue) throws(ContentError)
}

/// Why the content of a request could not be read. Each case names the offending field.
public enum ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnObject
    case missingField(String)
    case wrongType(field: String, expected: String)
    case invalidValue(field: String, reason: String)

    public var description: String {
        switch self {
        case .notAnObject: return "content is not a JSON object"
        case .missingField(let field): return "content lacks \"\(field)\""
        case .wrongType(let field, let expected): return "\"\(field)\" must be \(expected)"
        case .invalidValue(let field, let reason): return "\"\(field)\" is invalid: \(reason)"
        }
    }
}

/// Typed reads of a content object's fields, with defaults for optional ones.
struct ContentReader {
    let members: [String: JSONValue]

    init(_ json: JSONValue) throws(ContentError) {
        guard let members = json.objectValue else { throw .notAnObject }
        self.members = members
    }

    private func present(_ field: String) -> JSONValue? {
        guard let value = members[field], value != .null else { return nil }
        return value
    }

    func string(_ field: String) throws(ContentError) -> String {
        guard let value = present(field) else { throw .missingField(field) }
        guard let text = value.stringValue else { throw .wrongType(field: field, expected: "a string") }
        return text
    }

    func string(_ field: String, default fallback: String) throws(ContentError) -> String {
        guard present(field) != nil else { return fallback }
        return try string(field)
    }

    func optionalString(_ field: String) throws(ContentError) -> String? {
        guard present(field) != nil else { return nil }
        return try string(field)
    }

    func bool(_ field: String, default fallback: Bool) throws(ContentError) -> Bool {
        guard let value = present(field) else { return fallback }
        guard let flag = value.boolValue else { throw .wrongType(field: field, expected: "a boolean") }
        return flag
    }

    func int(_ field: String) throws(ContentError) -> Int {
        guard let value = present(field) else { throw .missingField(field) }
        guard let number = value.intValue else { throw .wrongType(field: field, expected: "an integer") }
        return number
    }

    func int(_ field: String, default fallback: Int) throws(ContentError) -> Int {
        guard present(field) != nil else { return fallback }
        return try int(field)
    }

    func optionalInt(_ field: String) throws(ContentError) -> Int? {
        guard present(field) != nil else { return nil }
        return try int(field)
    }

    func object(_ field: String, default fallback: [String: JSONValue]) throws(ContentError) -> [String: JSONValue] {
        guard let value = present(field) else { return fallback }
        guard let members = value.objectValue else { throw .wrongType(field: field, expected: "an object") }
        return members
    }

    func value(_ field: String) -> JSONValue? {
        present(field)
    }
}
