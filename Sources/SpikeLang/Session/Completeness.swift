/// Whether a cell is ready to run, as Jupyter's `is_complete` asks.
public enum Completeness: Equatable, Sendable {
    case complete
    /// More input is expected (an open bracket or a trailing operator); `indent` is the
    /// whitespace to start the next line with.
    case incomplete(indent: String)
    /// The cell cannot become valid by adding lines (e.g. an unterminated string).
    case invalid
}

/// Completion candidates for the text between `start` and `end` (code-point offsets).
public struct CompletionResult: Equatable, Sendable {
    public var matches: [String]
    public var start: Int
    public var end: Int

    public init(matches: [String], start: Int, end: Int) {
        self.matches = matches
        self.start = start
        self.end = end
    }
}
