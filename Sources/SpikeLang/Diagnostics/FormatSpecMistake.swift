/// What is wrong with a format spec (`format(x, spec)`, `f"{x:spec}"`), as data; the text is
/// produced in `Diagnostic+Text.swift`. Python's `format()` rejects the same specs
/// (docs/language.md §4).
public enum FormatSpecMistake: Error, Equatable, Sendable {
    /// More than one letter where the type stands, e.g. the `fx` of `10.2fx`.
    case unexpectedText(String)
    /// A `.` with no digits after it, e.g. `.f`.
    case missingPrecision
    /// Both `,` and `_` as the thousands separator.
    case twoSeparators
    /// A width or precision above `limit`, e.g. `.100000f`.
    case tooLarge(part: String, limit: Int)
    /// A type letter that does not apply to the value, e.g. `q`, or `d` for a string;
    /// `valueKind` is "a number" or "a string".
    case unknownType(String, valueKind: String)
    /// A part of the spec that does not go with the type or the value, e.g. a precision with
    /// `d`: `part` names it ("a precision", "','"), `context` what rejects it ("type 'd'").
    case partNotAllowed(part: String, context: String)
    /// An integer type (`d`, `b`, `o`, `x`, `X`) given a number with a fraction, or not finite.
    case notIntegral(type: String, value: Double)
}
