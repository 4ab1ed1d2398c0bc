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
    /// How the argument becomes a `T`.
    let kind: ArgumentKind<T>
    /// True for the values a variadic builtin takes before its named parameters (`print`).
    let isRest: Bool
}
