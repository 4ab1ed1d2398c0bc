/// Why a connection file could not be used; each case names the field at fault.
public enum ConnectionFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case notJSONObject
    case missingField(String)
    case invalidField(String)
    case unsupportedSignatureScheme(String)
    /// `key` is present but not a string: a number, `null`, a list or an object (`found` names
    /// which). Such a key is refused rather than read as "no key", which would turn signing off.
    case keyNotAString(found: String)
    /// A CurveZMQ key is not 40 characters of Z85 text.
    case invalidCurveKey(field: String)
    /// Only one of `curve_publickey` and `curve_secretkey` is given.
    case incompleteCurveKeys(missing: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read connection file \(path)"
        case .notJSONObject: return "connection file is not a JSON object"
        case .missingField(let name): return "connection file lacks \"\(name)\""
        case .invalidField(let name): return "connection file has an invalid \"\(name)\""
        case .unsupportedSignatureScheme(let scheme):
            return "unsupported signature scheme \"\(scheme)\" (only hmac-sha256)"
        case .keyNotAString(let found):
            return "connection file's \"key\" must be a string (the HMAC signing key), not \(found)"
        case .invalidCurveKey(let field):
            return "connection file's \"\(field)\" is not a CurveZMQ key (40 characters of Z85 text)"
        case .incompleteCurveKeys(let missing):
            return "connection file has one CurveZMQ key but lacks \"\(missing)\""
        }
    }
}
