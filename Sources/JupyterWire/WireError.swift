/// Why received frames or a received line were rejected. Each case names the part at fault.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `<IDS|MSG>` frame among the frames.
    case missingDelimiter
    /// Fewer than signature + header + parent + metadata + content after the delimiter.
    case truncated(framesAfterDelimiter: Int)
    /// The signature did not match the HMAC of the received frames (or was missing).
    case badSignature
    /// The signature is valid but was seen before: the message is a copy of one already received.
    case replayed
    /// A JSON part (`header`, `parent_header`, `metadata`, `content`) is not valid JSON.
    case invalidJSON(part: String)
    /// A JSON part has the wrong type, e.g. `content` is not an object.
    case notAnObject(part: String)
    /// The header lacks a required key or has one of the wrong type.
    case invalidHeader(String)
    /// A stdio line names no known channel.
    case unknownChannel(String)

    public var description: String {
        switch self {
        case .missingDelimiter: return "no <IDS|MSG> delimiter"
        case .truncated(let count): return "truncated message: \(count) frames after the delimiter, need 5"
        case .badSignature: return "signature does not match"
        case .replayed: return "replayed message (its signature was seen before)"
        case .invalidJSON(let part): return "\(part) is not valid JSON"
        case .notAnObject(let part): return "\(part) is not a JSON object"
        case .invalidHeader(let why): return "invalid header: \(why)"
        case .unknownChannel(let name): return "unknown channel \"\(name)\""
        }
    }
}
