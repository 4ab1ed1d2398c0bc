/// A runtime error that escaped a function defined in another cell.
///
/// Ranges refer to the text they were parsed from, so an error inside such a function cannot
/// be shown against the running cell. It is reported at the call in the running cell, and
/// `context` carries the lines showing where it happened inside the function (innermost
/// last), rendered against the defining cell's text.
struct ForeignFailure: Error {
    /// The error, placed at the call in the calling code.
    var diagnostic: Diagnostic
    /// Traceback lines for the places inside the called functions, outermost first.
    var context: [String]

    /// The error `inner`, raised inside `closure`, seen from its call at `call`.
    init(at call: SourceRange, _ inner: Diagnostic, inside closure: Closure) {
        diagnostic = Diagnostic(inner.problem, at: call)
        context = inner.contextLines(function: closure.label, source: closure.source)
    }

    /// A failure that already crossed a cell boundary deeper down, seen from one level up.
    init(at call: SourceRange, _ inner: ForeignFailure, inside closure: Closure) {
        diagnostic = Diagnostic(inner.diagnostic.problem, at: call)
        context = inner.diagnostic.contextLines(function: closure.label, source: closure.source) + inner.context
    }
}
