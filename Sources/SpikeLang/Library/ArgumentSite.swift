/// Where an argument was written, for the errors its kind reports: `function(): 'name' …`
/// at the argument's range (the call's range when the default was used).
struct ArgumentSite {
    let function: String
    let parameter: String
    let range: SourceRange

    /// A TypeError: the argument is not of the kind the parameter takes.
    func mismatch(_ value: Value, expected: String) -> Diagnostic {
        Diagnostic(.argumentType(function: function, parameter: parameter, expected: expected, got: value.typeName), at: range)
    }

    /// A ValueError: the argument is of the right kind but out of its domain.
    func invalid(_ reason: String) -> Diagnostic {
        Diagnostic(.invalidArgument(function: function, parameter: parameter, reason: reason), at: range)
    }
}
