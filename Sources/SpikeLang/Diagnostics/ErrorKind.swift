/// The families of error a Spike cell can end with (docs/language.md §6).
///
/// The raw value is the name shown to the user, e.g. `ValueError`.
public enum ErrorKind: String, Equatable, Sendable, CaseIterable {
    case syntax = "SyntaxError"
    case name = "NameError"
    case type = "TypeError"
    case value = "ValueError"
    case shape = "ShapeError"
    case resource = "ResourceError"
    case interrupted = "Interrupted"
    case index = "IndexError"
}
