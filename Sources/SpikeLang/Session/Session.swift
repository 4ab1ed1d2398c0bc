import Foundation
import SpikeEngine

/// A Spike session: the user's bindings and settings, kept across cells.
///
/// `run` reads as the pipeline: magics → lex and parse → check names → evaluate. A cell that
/// fails keeps every binding made before the failing statement. Not thread-safe: the kernel
/// runs one request at a time.
///
/// ```swift
/// let session = Session()
/// let outcome = session.run("x = 2\nx * 3", output: sink)   // outcome.result?.plain == "6"
/// ```
public final class Session {
    /// The user's bindings, shared with the functions defined in the session.
    let globals = Globals()
    var bindings: [String: Value] {
        get { globals.bindings }
        set { globals.bindings = newValue }
    }
    var settings = SessionSettings()
    let library = Library()
    /// Called with a cell's last value, on the evaluation thread (`runScript` keeps it).
    var resultObserver: ((Value) -> Void)?
    private let thread = EvaluationThread()

    public init() {}

    /// Bytes of stack a thread needs to run cells in place: the session runs a call from such a
    /// thread directly, and hands a call from any other thread to a large-stack thread of its own.
    public static let evaluationStackSize = EvaluationThread.stackSize

    /// A session whose requests may allocate at most `memoryBudget` bytes each.
    public convenience init(memoryBudget: Int) {
        self.init(budget: MemoryBudget(bytes: memoryBudget))
    }

    /// A session whose requests are checked against `budget`.
    init(budget: MemoryBudget) {
        settings.budget = budget
    }

    deinit {
        // Emptying the bindings breaks the cycles between the globals and the functions bound
        // in them. The release is iterative, but runs on the evaluation thread's large stack
        // anyway (see `stop(after:)`).
        let parcel = Parcel(bindings)
        bindings = [:]
        thread.stop { parcel.contents = nil }
    }

    /// The seed of every random source (`%seed N`, `seed(n)`).
    public var seed: UInt64 { settings.seed }

    /// The thread cap recorded by `%threads N`; nil until set.
    public var threads: Int? { settings.threads }

    /// The names bound in the session, sorted.
    public var boundNames: [String] { bindings.keys.sorted() }

    /// Runs one cell, streaming its output to `output`; returns its result, pages or failure.
    ///
    /// Runs with a large stack — in place when the calling thread has `evaluationStackSize`,
    /// else on the session's own thread — and returns when the cell is done; every `output` call
    /// happens on that thread before `run` returns.
    public func run(_ source: String, output: OutputSink) -> CellOutcome {
        thread.run { self.runCell(source, output: output) }
    }

    /// Evaluates one expression for `user_expressions`: its rendering, or why it failed.
    ///
    /// Only a single expression is accepted (no assignments, definitions, loops or magics, so
    /// asking for a value cannot rebind or reset anything); output it writes is dropped.
    public func evaluate(expression: String) -> Result<Rendering, CellFailure> {
        thread.run { self.evaluateExpression(expression) }
    }

    private func evaluateExpression(_ source: String) -> Result<Rendering, CellFailure> {
        let (program, syntaxErrors) = Parser.parse(source)
        if !syntaxErrors.isEmpty { return .failure(CellFailure(diagnostics: syntaxErrors, source: source)) }
        guard program.statements.count == 1, let statement = program.statements.first, case .expression = statement.kind else {
            let range = program.statements.dropFirst().first?.range ?? program.statements.first?.range ?? SourceRange(line: 1, column: 1)
            let found = program.statements.count > 1 ? "a second statement" : "a statement"
            return .failure(CellFailure(diagnostics: [Diagnostic(.expectedExpression(found: found), at: range)], source: source))
        }
        let nameErrors = Checker.check(program, outer: OuterNames(bindings: bindings, library: library))
        if !nameErrors.isEmpty { return .failure(CellFailure(diagnostics: nameErrors, source: source)) }
        // The evaluator binds into a copy (an `if` block's assignments are top-level ones), so
        // nothing is written back to the session; functions still read the session's globals.
        let evaluator = Evaluator(
            globals: Globals(bindings), library: library, sink: SilentSink(), settings: settings,
            source: source)
        do {
            let value = try evaluator.execute(statement)
            return .success(try Presenter.rendering(of: value, budget: settings.budget, figures: settings.figureFormat))
        } catch let diagnostic as Diagnostic {
            return .failure(CellFailure(diagnostics: [diagnostic], source: source))
        } catch let failure as ForeignFailure {
            return .failure(CellFailure(diagnostics: [failure.diagnostic], source: source, context: failure.context))
        } catch let failure as CallChainFailure {
            return .failure(CellFailure(diagnostics: [failure.diagnostic], source: source, context: failure.contextLines(source: source)))
        } catch {
            let diagnostic = Diagnostic(.libraryFailure(function: "evaluate", message: String(describing: error)), at: statement.range)
            return .failure(CellFailure(diagnostics: [diagnostic], source: source))
        }
    }

    func runCell(_ source: String, output: OutputSink) -> CellOutcome {
        let started = Date()
        let cell = MagicSplit(source)
        if !cell.diagnostics.isEmpty { return CellOutcome(failure: CellFailure(diagnostics: cell.diagnostics, source: source)) }
        var outcome = CellOutcome()
        outcome.pages = applyMagics(cell.magics)
        if cell.magics.contains(.lsmagic) {
            output.write(Magic.summaries.map { "%\($0.name): \($0.summary)\n" }.joined(), stream: .stdout)
        }
        if case .timeit(let loops, let repeats)? = cell.magics.first(where: \.isTimeit) {
            outcome.merge(timeit(cell.code, source: source, output: output, loops: loops, repeats: repeats))
        } else {
            outcome.merge(execute(cell.code, source: source, output: output))
        }
        if cell.magics.contains(.who) {
            output.display(WhoTable.rendering(of: bindings), id: nil)
        }
        if cell.magics.contains(.time) {
            output.write("Wall time: \(WallTime.text(Date().timeIntervalSince(started)))\n", stream: .stdout)
        }
        return outcome
    }

    /// Lex, parse, check, evaluate; the value of the last statement becomes the result.
    /// Lexing, parsing and checking poll the interrupt flag as they go (a huge cell ends soon
    /// after an interrupt), and it is checked again at each phase boundary, before anything is
    /// evaluated (a short cell may otherwise never poll).
    func execute(_ code: String, source: String, output: OutputSink) -> CellOutcome {
        let isCancelled = { output.isCancelled }
        let (program, syntaxErrors) = Parser.parse(code, isCancelled: isCancelled)
        if !syntaxErrors.isEmpty { return CellOutcome(failure: CellFailure(diagnostics: syntaxErrors, source: source)) }
        if let interrupted = interruption(of: output, source: source) { return interrupted }
        let nameErrors = Checker.check(program, outer: OuterNames(bindings: bindings, library: library), isCancelled: isCancelled)
        if !nameErrors.isEmpty { return CellOutcome(failure: CellFailure(diagnostics: nameErrors, source: source)) }
        if let interrupted = interruption(of: output, source: source) { return interrupted }
        let evaluator = Evaluator(globals: globals, library: library, sink: output, settings: settings, source: code)
        defer { settings = evaluator.settings }
        do {
            guard let value = try evaluator.run(program) else { return CellOutcome() }
            resultObserver?(value)
            guard !value.isNone else { return CellOutcome() }
            let shown = program.statements.last?.range ?? SourceRange(line: 1, column: 1)
            return CellOutcome(
                result: try evaluator.engine(at: shown) {
                    try Presenter.rendering(
                        of: value, budget: settings.budget, isCancelled: isCancelled, figures: evaluator.settings.figureFormat)
                })
        } catch let diagnostic as Diagnostic {
            return CellOutcome(failure: CellFailure(diagnostics: [diagnostic], source: source))
        } catch let failure as ForeignFailure {
            return CellOutcome(failure: CellFailure(diagnostics: [failure.diagnostic], source: source, context: failure.context))
        } catch let failure as CallChainFailure {
            return CellOutcome(
                failure: CellFailure(
                    diagnostics: [failure.diagnostic], source: source,
                    context: failure.contextLines(source: source)))
        } catch {
            // Builtin calls turn every error into a diagnostic; this is the last safety net.
            let diagnostic = Diagnostic(
                .libraryFailure(function: "run", message: String(describing: error)),
                at: SourceRange(line: 1, column: 1))
            return CellOutcome(failure: CellFailure(diagnostics: [diagnostic], source: source))
        }
    }

    /// The `Interrupted` outcome if `output` asks to stop, else nil.
    private func interruption(of output: OutputSink, source: String) -> CellOutcome? {
        guard output.isCancelled else { return nil }
        let diagnostic = Diagnostic(.interrupted, at: SourceRange(line: 1, column: 1))
        return CellOutcome(failure: CellFailure(diagnostics: [diagnostic], source: source))
    }

    /// Applies the settings magics; returns the pages `%help` opens.
    private func applyMagics(_ magics: [Magic]) -> [String] {
        var pages: [String] = []
        for magic in magics {
            switch magic {
            case .reset:
                bindings = [:]
                settings = SessionSettings(budget: settings.budget)
            case .seed(let seed):
                settings.seed = seed
            case .threads(let count):
                settings.threads = count
            case .figureFormat(let format):
                settings.figureFormat = format
            case .help(let name):
                pages.append(helpPage(for: name))
            case .time, .who, .timeit, .lsmagic:
                break
            }
        }
        return pages
    }

    /// The help text for a name: a builtin, a user function, or what the name is bound to.
    func helpPage(for name: String) -> String {
        if let value = bindings[name] {
            return library.helpText(for: value)
                ?? "\(name): \(value.typeName)\n    \(ValueText.text(of: value, limit: ValueText.displayLimit))"
        }
        if let builtin = library[name] { return builtin.helpText }
        if let text = KeywordHelp.text(for: name) { return text }
        let suggestion = Suggestion.closest(to: name, among: library.names + bindings.keys.sorted())
        return "No help for '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
    }
}

extension CellOutcome {
    /// Takes `other`'s result and failure, and appends its pages.
    mutating func merge(_ other: CellOutcome) {
        result = other.result
        failure = other.failure
        pages += other.pages
    }
}

extension Value {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

/// A box that takes sole ownership of a value so another thread can release it.
///
/// `@unchecked Sendable`: a hand-off through a condition variable (``EvaluationThread``'s queue)
/// — once handed over, only the receiving thread touches `contents`. (`sending` cannot say it:
/// the value comes out of the session's own storage, which the compiler cannot see let go.)
final class Parcel<Contents>: @unchecked Sendable {
    var contents: Contents?

    init(_ contents: Contents) {
        self.contents = contents
    }
}

/// A sink that drops everything (for `evaluate(expression:)`).
final class SilentSink: OutputSink {
    func write(_ text: String, stream: TextStream) {}
    func display(_ rendering: Rendering, id: String?) {}
    func update(_ rendering: Rendering, id: String) {}
    func clear(wait: Bool) {}
    var isCancelled: Bool { false }
}
