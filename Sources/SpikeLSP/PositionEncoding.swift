/// How a `Position.character` counts along a line (LSP 3.17 `PositionEncodingKind`):
/// UTF-16 code units (the default every client supports), code points, or UTF-8 bytes.
/// Spike itself counts code points; conversion happens here, at the protocol's edge.
///
/// After `"😀"` (one code point, U+1F600) the next character is at 2 in UTF-16, 1 in
/// UTF-32 and 4 in UTF-8.
enum PositionEncoding: String, Equatable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// How many units `scalar` takes.
    func width(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return UTF16.width(scalar)
        case .utf32: return 1
        }
    }

    /// The encoding to use given the client's `general.positionEncodings` (in its order of
    /// preference): code points when offered (no conversion needed), else UTF-8 when offered,
    /// else the mandatory UTF-16.
    static func negotiate(_ offered: [String]) -> PositionEncoding {
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        return .utf16
    }
}

/// A place in a document as LSP counts it: 0-based line, 0-based `character` in the
/// negotiated encoding's units.
struct Position: Equatable, Sendable {
    var line: Int
    var character: Int
}
