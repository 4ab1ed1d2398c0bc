/// Resolves every name in a parsed cell before anything runs, so a misspelt name is reported
/// (with "did you mean") without running the statements before it.
///
/// Known names: the session's bindings from earlier cells, the library, and names bound
/// earlier in the same cell. A function body also knows its own name and parameters (its
/// assignments stay local), and every name the cell binds at its top level, even further
/// down: the body runs only when called, by which time they may be bound (mutual recursion
/// in one cell). A comprehension knows its loop variable inside it only. Names bound in either branch of an `if`, or in a loop body, are
/// known after it, and names a loop body binds anywhere are known throughout that body (the
/// evaluator still reports a name that turns out unbound at run time).
///
/// Cost: linear in the cell's size (times its nesting depth), plus "did you mean" searches,
/// which together compare at most `suggestionCandidateLimit` candidate names per cell; a
/// missing name found after that budget is spent is reported without a suggestion.
///
/// Given an interrupt check, it polls it every `pollInterval` statements and expressions and
/// before each missing name's "did you mean" search; once it fires, `check` answers only an
/// `.interrupted` diagnostic where it stopped.
struct Checker {
    /// How many statements and expressions are checked between two polls of the interrupt
    /// check: well under a millisecond of checking.
    static let pollInterval = 1 << 12

    /// How many candidate names the "did you mean" searches of one cell may compare in all
    /// (about 0.1 s of work): hundreds of misspellings in an ordinary session, five among
    /// 100,000 bindings.
    static let suggestionCandidateLimit = 500_000

    /// What the cell can see before it binds anything; looked up, never copied.
    private let outer: OuterNames
    /// Names bound in the cell so far, in the scope being checked.
    private var known = KnownNames()
    /// How many more candidates "did you mean" may compare in this cell.
    private var suggestionBudget: Int
    private(set) var diagnostics: [Diagnostic] = []
    private let isCancelled: (() -> Bool)?
    /// Statements and expressions still to check before the next poll of `isCancelled`.
    private var untilPoll = Checker.pollInterval
    /// Where the interrupt check fired, if it did; nothing more is checked after it.
    private var interruption: SourceRange?
    /// `for` bodies around the statement being checked, within the current function.
    private var loopDepth = 0
    /// Function bodies (named or anonymous) around the expression being checked.
    private var functionDepth = 0
    /// The cell's top-level statements, and the names they bind (once a function body needed
    /// them: see `isBoundLaterInCell`).
    private var topLevel: [Statement] = []
    private var cellNames: Set<String>?

    init(
        outer: OuterNames, suggestionCandidateLimit: Int = Checker.suggestionCandidateLimit,
        isCancelled: (() -> Bool)? = nil
    ) {
        self.outer = outer
        suggestionBudget = suggestionCandidateLimit
        self.isCancelled = isCancelled
    }

    /// All name errors in `program`, in source order; after an interrupt (`isCancelled`
    /// fired), only an `.interrupted` diagnostic.
    static func check(
        _ program: Program, outer: OuterNames, suggestionCandidateLimit: Int = Checker.suggestionCandidateLimit,
        isCancelled: (() -> Bool)? = nil
    ) -> [Diagnostic] {
        var checker = Checker(outer: outer, suggestionCandidateLimit: suggestionCandidateLimit, isCancelled: isCancelled)
        checker.topLevel = program.statements
        checker.check(program.statements)
        if let interruption = checker.interruption { return [Diagnostic(.interrupted, at: interruption)] }
        return checker.diagnostics
    }

    private mutating func check(_ statements: [Statement]) {
        for statement in statements { check(statement) }
    }

    /// False once the interrupt check has fired; polls it every `pollInterval` calls, which
    /// come one per statement or expression about to be checked at `range`.
    private mutating func proceeds(at range: SourceRange) -> Bool {
        guard interruption == nil else { return false }
        untilPoll -= 1
        guard untilPoll == 0 else { return true }
        return pollsClear(at: range)
    }

    /// Polls the interrupt check now; false (recording `range`) if it fired.
    private mutating func pollsClear(at range: SourceRange) -> Bool {
        untilPoll = Checker.pollInterval
        guard let isCancelled, isCancelled() else { return true }
        interruption = range
        return false
    }

    private mutating func check(_ statement: Statement) {
        guard proceeds(at: statement.range) else { return }
        switch statement.kind {
        case .expression(let expression):
            check(expression)
        case .assignment(let name, _, let value):
            check(value)
            known.insert(name)
        case .function(let declaration):
            checkFunction(declaration, named: true)
            known.insert(declaration.name)
        case .loop(let variable, _, let sequence, let body):
            check(sequence)
            known.insert(variable)
            // Later passes see what earlier passes bound (see `BoundNames`).
            known.insert(contentsOf: BoundNames.of(body.statements))
            loopDepth += 1
            check(body.statements)
            loopDepth -= 1
        case .jump(let jump):
            if loopDepth == 0 { diagnostics.append(Diagnostic(.jumpOutsideLoop(jump.rawValue), at: statement.range)) }
        case .partAssignment(let target, let value):
            // The name must be bound already: a part assignment changes a value, never binds one.
            check(Expression(kind: .name(target.name), range: target.nameRange))
            for step in target.steps {
                if case .index(let index) = step.key { check(index) }
            }
            check(value)
        }
    }

    private mutating func check(_ expression: Expression) {
        guard proceeds(at: expression.range) else { return }
        switch expression.kind {
        case .number, .string, .boolean, .none:
            break
        case .formatted(let parts):
            for case .field(let field, _, _) in parts { check(field) }
        case .name(let name):
            if !known.contains(name), !outer.contains(name), !isBoundLaterInCell(name) {
                // A "did you mean" search may compare 100,000 names: poll before each one.
                guard pollsClear(at: expression.range) else { return }
                diagnostics.append(Diagnostic(.undefinedName(name, suggestion: suggestion(for: name)), at: expression.range))
            }
        case .list(let items):
            for item in items { check(item) }
        case .record(let fields):
            for field in fields { check(field.value) }
        case .range(let a, let b), .binary(_, let a, let b), .logical(_, let a, let b), .index(let a, let b):
            check(a)
            check(b)
        case .negate(let operand), .not(let operand), .member(let operand, _, _):
            check(operand)
        case .call(let callee, let arguments):
            check(callee)
            for argument in arguments { check(argument.value) }
        case .slice(let base, let lower, let upper):
            check(base)
            lower.map { check($0) }
            upper.map { check($0) }
        case .multiIndex(let base, let parts):
            check(base)
            for part in parts {
                switch part.kind {
                case .index(let index): check(index)
                case .slice(let lower, let upper):
                    lower.map { check($0) }
                    upper.map { check($0) }
                }
            }
        case .conditional(let condition, let then, let otherwise):
            check(condition)
            let mark = known.mark
            check(then.statements)
            let boundInThen = known.rollBack(to: mark)
            otherwise.map { check($0.statements) }
            known.insert(contentsOf: boundInThen)
        case .function(let declaration):
            checkFunction(declaration, named: false)
        case .comprehension(let comprehension):
            check(comprehension)
        }
    }

    /// A function's defaults in the enclosing scope, then its body in a scope of its own: its
    /// name (unless anonymous), its parameters and its locals, outside any loop around it.
    private mutating func checkFunction(_ declaration: FunctionDeclaration, named: Bool) {
        for parameter in declaration.parameters {
            if let defaultValue = parameter.defaultValue { check(defaultValue) }
        }
        let mark = known.mark
        if named { known.insert(declaration.name) }
        known.insert(contentsOf: declaration.parameters.map(\.name))
        let outerLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        switch declaration.body {
        case .expression(let body): check(body)
        case .block(let body): check(body.statements)
        }
        functionDepth -= 1
        loopDepth = outerLoops
        known.rollBack(to: mark)
    }

    /// The sequence in the enclosing scope, then the condition and element in a scope that
    /// adds the loop variable (and whatever they bind) and is forgotten after them, as in
    /// Python 3. `break` and `continue` inside it belong to no loop.
    private mutating func check(_ comprehension: Comprehension) {
        check(comprehension.sequence)
        let mark = known.mark
        known.insert(comprehension.variable)
        let outerLoops = loopDepth
        loopDepth = 0
        comprehension.condition.map { check($0) }
        check(comprehension.element)
        loopDepth = outerLoops
        known.rollBack(to: mark)
    }

    /// Whether a function body may use `name` although it is not bound yet: the cell binds it
    /// at its top level somewhere (before or after), and the body runs only when called
    /// (docs/language.md §2). The cell's names are gathered the first time one is needed.
    private mutating func isBoundLaterInCell(_ name: String) -> Bool {
        guard functionDepth > 0 else { return false }
        if cellNames == nil { cellNames = BoundNames.of(topLevel) }
        return cellNames?.contains(name) ?? false
    }

    /// "Did you mean" among everything visible, while the cell's budget lasts.
    private mutating func suggestion(for name: String) -> String? {
        let later = functionDepth > 0 ? cellNames ?? [] : []
        let candidateCount = known.count + outer.count + later.count
        guard candidateCount <= suggestionBudget else { return nil }
        suggestionBudget -= candidateCount
        return Suggestion.closest(
            to: name, among: [AnySequence(known.all), AnySequence(outer.names), AnySequence(later)].joined())
    }
}

/// The names bound before a cell runs — the session's bindings and the library's builtins —
/// answered by lookup, so checking a cell costs nothing per name already bound.
struct OuterNames {
    let bindings: [String: Value]
    let library: Library

    func contains(_ name: String) -> Bool {
        bindings[name] != nil || library[name] != nil
    }

    /// How many outer names there are (a name both bound and built in counts twice).
    var count: Int { bindings.count + library.builtins.count }

    /// Every outer name, for "did you mean" (only walked when a name is missing).
    var names: some Sequence<String> { [AnySequence(bindings.keys), AnySequence(library.names)].joined() }
}
