/// SpikeLang: the Spike language (docs/language.md), from a cell's text to values and displays.
///
/// The pipeline, one stage per folder:
///
///     Lexing/      source → tokens (code-point columns; lexical errors collected)
///     Parsing/     tokens → Program (recursive descent; recovery at statement boundaries)
///     Checking/    Program → name errors ("did you mean"), before anything runs
///     Evaluation/  Program → Value (scope, calls, operators, limits, cancellation)
///     Library/     the builtins, each declared once (signature, defaults, summary, body)
///     Display/     values → Rendering (text, SVG and HTML via SpikePlot)
///     Diagnostics/ errors as data, and the one place they become text
///     Completion/  completion, inspection, completeness (no user code runs)
///
/// The seam the kernel adapter uses (docs/architecture.md §7, seam 2):
///
///     let session = Session()
///     let outcome = session.run(code, output: sink)        // CellOutcome: result, pages, failure
///     session.evaluate(expression: "x + 1")                // Result<Rendering, CellFailure>
///     session.complete(code, cursor: 9)                    // CompletionResult (code points)
///     session.inspect(code, cursor: 9)                     // String? (signature, defaults, summary)
///     session.completeness(code)                           // .complete / .incomplete(indent:) / .invalid
///
/// where `sink` is the adapter's `OutputSink` (streams, displays, updates, clears, and the
/// interrupt flag the evaluator polls).
public enum SpikeLang {
    /// Language version reported in `language_info.version`.
    public static let version = "1.0"
}
