/// Strings under a format spec (docs/language.md §4).
extension FormatSpec {
    /// `string` as Python's `format()` writes a `str`: cut to the precision (in characters),
    /// padded to the width, left-aligned unless told otherwise. A sign, `z`, `#`, `=`, a
    /// separator or a type other than `s` is rejected, as Python does.
    func format(_ string: String) throws(FormatSpecMistake) -> String {
        if let type, type != "s" { throw .unknownType(String(type), valueKind: "a string") }
        let context = "a string"
        if let sign { throw .partNotAllowed(part: "a sign '\(sign.rawValue)'", context: context) }
        if coercesNegativeZero { throw .partNotAllowed(part: "'z'", context: context) }
        if alternate { throw .partNotAllowed(part: "'#'", context: context) }
        if alignment == .afterSign { throw .partNotAllowed(part: "'=' alignment", context: context) }
        if let separator { throw .partNotAllowed(part: "'\(separator)'", context: context) }
        let text = precision.map { String(string.prefix($0)) } ?? string
        return pad(lead: "", body: text, fill: fill ?? (zeroPadding ? "0" : " "), alignment: alignment ?? .left)
    }
}
