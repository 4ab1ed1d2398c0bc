/// One parameter of a builtin, declared once through `Declarations` (name, kind, default,
/// doc) and read in the body with `try arguments[param]`, which gives a `T`.
///
///     Builtin("range", topic: .core, summary: "The integers 0, 1, …, n-1.") { p in
///         let n = p.declare("n", .integer, doc: "how many integers")
///         return { arguments, _ in .range(IntegerRange(lower: 0, upper: try arguments[n])) }
///     }
///
/// A `Param` exists only as the result of declaring it, so a body reads only parameters its
/// own signature lists; reading one declared for another builtin is reported (a
/// `libraryFailure` naming it), never a silent `none`.
struct Param<T> {
    let name: String
    /// Reads the argument's value; `rest` is true for the variadic values of `print`.
    let kind: ArgumentKind<T>
    let isRest: Bool
}

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
