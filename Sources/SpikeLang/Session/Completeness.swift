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
    public var items: [CompletionItem]
    public var start: Int
    public var end: Int

    public init(items: [CompletionItem], start: Int, end: Int) {
        self.items = items
        self.start = start
        self.end = end
    }

    /// The candidates' texts, in order.
    public var matches: [String] { items.map(\.text) }
}

/// One completion candidate: the text that replaces the word, what it names and, for
/// something callable, its signature as `help` shows it (`lif(tau=2, threshold=1, …)`).
public struct CompletionItem: Equatable, Sendable {
    public var text: String
    public var kind: CompletionKind
    /// Empty when the candidate is not callable.
    public var signature: String

    public init(text: String, kind: CompletionKind, signature: String = "") {
        self.text = text
        self.kind = kind
        self.signature = signature
    }
}

/// What a completion candidate names; the raw values are the types IPython's completer
/// reports in `_jupyter_types_experimental`.
public enum CompletionKind: String, Equatable, Sendable {
    /// A builtin or a user function.
    case function
    /// A language keyword (`for`, `true`).
    case keyword
    /// A `%` magic.
    case magic
    /// A binding or member that holds a value other than a function.
    case instance
    /// A named argument of the call around the cursor (`tau=`).
    case param
}
