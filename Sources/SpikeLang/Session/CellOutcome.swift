/// What running a cell produced, besides what it streamed to the sink while running.
public struct CellOutcome: Equatable, Sendable {
    /// The cell's result (execute_result), or nil when the cell shows nothing: its last
    /// statement ended with `;`, was not an expression, or was `none` — or the cell failed.
    public var result: Rendering?
    /// Pager pages (from `%help name`), for the execute reply's `page` payload.
    public var pages: [String]
    /// Why the cell stopped, if it did.
    public var failure: CellFailure?

    public init(result: Rendering? = nil, pages: [String] = [], failure: CellFailure? = nil) {
        self.result = result
        self.pages = pages
        self.failure = failure
    }
}

/// A failed cell as the notebook shows it.
public struct CellFailure: Error, Equatable, Sendable {
    /// The error family: "SyntaxError", "NameError", "TypeError", "ValueError",
    /// "ShapeError", "ResourceError" or "Interrupted".
    public var name: String
    /// The first error's message, with its line and column: `at 2:5: name 'x' is not defined`.
    public var message: String
    /// Ready-to-show lines: for each error (the first `shownLimit`), a summary, the source
    /// line and a caret line; then how many more errors there are, if any.
    public var traceback: [String]
    /// Every error found, as data (a cell with several syntax errors has several).
    public var diagnostics: [Diagnostic]

    /// A failure from `diagnostics` in `source`, with `context` lines (e.g. the place inside a
    /// function from another cell) appended to the traceback.
    /// Errors rendered in the traceback; the rest are counted (all stay in `diagnostics`).
    public static let shownLimit = 20

    public init(diagnostics: [Diagnostic], source: String, context: [String] = []) {
        // Callers always pass at least one diagnostic; an empty list still yields a readable failure.
        let first =
            diagnostics.first
            ?? Diagnostic(.libraryFailure(function: "run", message: "failed without a diagnostic"), at: SourceRange(line: 1, column: 1))
        name = first.kind.rawValue
        message = "at \(first.range.start): \(first.problem.message)"
        let sourceLines = SourceLines.of(source)
        traceback = diagnostics.prefix(CellFailure.shownLimit).flatMap { $0.tracebackLines(sourceLines: sourceLines) } + context
        if diagnostics.count > CellFailure.shownLimit {
            traceback.append("… and \(diagnostics.count - CellFailure.shownLimit) more errors")
        }
        self.diagnostics = diagnostics
    }
}
