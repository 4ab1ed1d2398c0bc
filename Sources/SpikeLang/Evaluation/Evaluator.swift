/// Runs checked statements: the tree-walking half of the pipeline.
///
/// Scope works as in Python: the top level reads and writes the session's bindings; `for` and
/// `if` share the enclosing scope; a call gets its own scope of parameters and locals, and
/// reads what its function captured (by value, when `fn` ran) behind it. Calls nest at most
/// `callDepthLimit` deep, and the sink's `isCancelled` is polled at every loop iteration and
/// call. An error inside a function defined in another cell is reported at the call in this
/// cell, with the place inside the function as context (`ForeignFailure`).
final class Evaluator {
    static let callDepthLimit = 400

    /// The current scope: the session's bindings at top level, a call's locals inside one.
    var scope: [String: Value]
    /// Inside a call, what the function captured (read-only, looked up after `scope`);
    /// empty at top level. Kept apart so a call does not copy its captures.
    var enclosing: [String: Value] = [:]
    let library: Library
    let sink: OutputSink
    var settings: SessionSettings
    /// The text the running code comes from: the cell, or inside a call the cell that
    /// defined the function. Diagnostic ranges refer to it.
    private(set) var source: String
    private var callDepth = 0

    init(bindings: [String: Value], library: Library, sink: OutputSink, settings: SessionSettings, source: String = "") {
        self.scope = bindings
        self.library = library
        self.sink = sink
        self.settings = settings
        self.source = source
    }

    /// The session's bindings as they stand once a run returns or throws (including those
    /// made before a failure): calls restore the top-level scope as they unwind.
    var bindings: [String: Value] { scope }

    /// Runs a cell's statements; returns the last statement's value unless it is hidden.
    func run(_ program: Program) throws -> Value? {
        var result: Value?
        for statement in program.statements {
            result = try execute(statement)
        }
        guard let last = program.statements.last, !last.endsWithSemicolon, case .expression = last.kind else { return nil }
        return result
    }

    /// Runs one statement; its value (none for bindings, functions and loops).
    func execute(_ statement: Statement) throws -> Value {
        switch statement.kind {
        case .expression(let expression):
            return try evaluate(expression)
        case .assignment(let name, _, let valueExpression):
            scope[name] = try evaluate(valueExpression)
            return .none
        case .function(let declaration):
            let defaults = try declaration.parameters.map { parameter in
                try parameter.defaultValue.map { try evaluate($0) }
            }
            var captured = enclosing.isEmpty ? scope : enclosing.merging(scope) { _, local in local }
            // The function sees itself through the binding every call adds, so it need not
            // capture its previous definition (which would chain one closure per redefinition).
            captured.removeValue(forKey: declaration.name)
            scope[declaration.name] = .function(Closure(declaration: declaration, captured: captured, defaults: defaults,
                                                        source: source))
            return .none
        case .loop(let variable, _, let sequenceExpression, let body):
            let sequence = try evaluate(sequenceExpression)
            try forEach(in: sequence, at: sequenceExpression.range) { item in
                try checkCancellation(at: statement.range)
                scope[variable] = item
                _ = try run(body)
            }
            return .none
        }
    }

    /// A block's value: its last statement's value if that is an expression, else none.
    func run(_ block: Block) throws -> Value {
        var value = Value.none
        for statement in block.statements {
            value = try execute(statement)
        }
        if let last = block.statements.last, case .expression = last.kind, !last.endsWithSemicolon {
            return value
        }
        return .none
    }

    /// Visits the items of a list or range (strings are iterated by character).
    func forEach(in sequence: Value, at range: SourceRange, _ body: (Value) throws -> Void) throws {
        switch sequence {
        case .list(let items):
            for item in items { try body(item) }
        case .range(let integers):
            var current = integers.lower
            while current < integers.upper {
                try body(.number(Double(current)))
                current += 1
            }
        case .string(let string):
            for character in string { try body(.string(String(character))) }
        case .tensor(let tensor) where !tensor.shape.isEmpty:
            for row in 0..<(tensor.shape.first ?? 0) {
                try body(try tensorRow(tensor, row, at: range))
            }
        default:
            throw Diagnostic(.notIterable(sequence.typeName), at: range)
        }
    }

    func checkCancellation(at range: SourceRange) throws {
        if sink.isCancelled { throw Diagnostic(.interrupted, at: range) }
    }

    /// Calls a user function: a fresh scope from its captures, its own name, its arguments.
    func call(_ closure: Closure, _ arguments: Arguments, at range: SourceRange) throws -> Value {
        try checkCancellation(at: range)
        guard callDepth < Evaluator.callDepthLimit else {
            throw Diagnostic(.recursionTooDeep(limit: Evaluator.callDepthLimit), at: range)
        }
        var locals: [String: Value] = [closure.name: .function(closure)]
        for parameter in closure.declaration.parameters {
            locals[parameter.name] = arguments.value(parameter.name)
        }
        let saved = (scope, enclosing, source)
        callDepth += 1
        scope = locals
        enclosing = closure.captured
        source = closure.source
        defer {
            callDepth -= 1
            (scope, enclosing, source) = saved
        }
        do {
            switch closure.declaration.body {
            case .expression(let expression): return try evaluate(expression)
            case .block(let block): return try run(block)
            }
        } catch let diagnostic as Diagnostic where closure.source != saved.2 {
            throw ForeignFailure(at: range, diagnostic, inside: closure)
        } catch let failure as ForeignFailure where closure.source != saved.2 {
            throw ForeignFailure(at: range, failure, inside: closure)
        }
    }
}
