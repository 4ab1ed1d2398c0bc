/// Resolves every name in a parsed cell before anything runs, so a misspelt name is reported
/// (with "did you mean") without running the statements before it.
///
/// Known names: the session's bindings from earlier cells, the library, and names bound
/// earlier in the same cell. A function body also knows its own name and parameters; its
/// assignments stay local. Names bound in either branch of an `if`, or in a loop body, are
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
            for parameter in declaration.parameters {
                if let defaultValue = parameter.defaultValue { check(defaultValue) }
            }
            let mark = known.mark
            known.insert(declaration.name)
            known.insert(contentsOf: declaration.parameters.map(\.name))
            // A function body is outside any loop around its definition.
            let outerLoops = loopDepth
            loopDepth = 0
            switch declaration.body {
            case .expression(let body): check(body)
            case .block(let body): check(body.statements)
            }
            loopDepth = outerLoops
            known.rollBack(to: mark)
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
        case .name(let name):
            if !known.contains(name), !outer.contains(name) {
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
        case .conditional(let condition, let then, let otherwise):
            check(condition)
            let mark = known.mark
            check(then.statements)
            let boundInThen = known.rollBack(to: mark)
            otherwise.map { check($0.statements) }
            known.insert(contentsOf: boundInThen)
        }
    }

    /// "Did you mean" among everything visible, while the cell's budget lasts.
    private mutating func suggestion(for name: String) -> String? {
        let candidateCount = known.count + outer.count
        guard candidateCount <= suggestionBudget else { return nil }
        suggestionBudget -= candidateCount
        return Suggestion.closest(to: name, among: [AnySequence(known.all), AnySequence(outer.names)].joined())
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
