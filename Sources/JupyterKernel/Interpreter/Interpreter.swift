import JupyterWire

/// The language behind the kernel: the one interface a language implements to be served over
/// Jupyter (ZeroMQ) or JSON lines (stdio).
///
/// The kernel owns everything protocol-shaped — execution counts, history, comms, busy/idle,
/// the abort queue, interrupts. An interpreter need not be `Sendable`: ``info`` and
/// ``callerStackSize`` are read once, on the thread that sets the kernel up; then the
/// interpreter is moved (`sending`) to the shell thread, where its ``ShellHandler`` calls the
/// other methods, one request at a time, and no other thread can reach it.
///
/// Cursor positions are offsets in Unicode code points (`String.unicodeScalars`), as the
/// protocol (≥ 5.2) sends them; they are passed through untouched.
public protocol Interpreter {
    /// Implementation name and version, `language_info`, banner and help links.
    var info: KernelInfo { get }

    /// Runs a cell. While running, write streams, displays and updates through `context`, and
    /// poll `context.isCancelled` often (loop back-edges, every N simulation steps): when it
    /// becomes true, stop and return a failure (e.g. `ErrorContent(name: "Interrupted", …)`).
    ///
    /// The result bundle becomes `execute_result`; a failure becomes the `error` output and an
    /// error reply. `request.silent` and `request.storeHistory` are informational: the kernel
    /// already suppresses output for silent requests.
    func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecutionOutcome

    /// Evaluates one `user_expressions` entry after a successful execution.
    func evaluate(_ expression: String) -> ExpressionOutcome

    /// Completions at `cursor` (code points). The reply replaces `cursorStart..<cursorEnd`.
    func complete(_ code: String, cursor: Int) -> Completion

    /// What is known about the name at `cursor` (code points); nil when nothing is.
    /// `detailLevel` is 0 (summary) or 1 (more).
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle?

    /// Whether `code` is ready to run or needs more lines.
    func isComplete(_ code: String) -> Completeness

    /// Bytes of stack the thread that calls these methods should have; the runtimes start
    /// the shell thread with at least this much (reserved, not committed).
    var callerStackSize: Int { get }
}

extension Interpreter {
    /// 64 MiB: deep recursion in a cell must not overflow the small default of secondary threads.
    public var callerStackSize: Int { 64 << 20 }
}
