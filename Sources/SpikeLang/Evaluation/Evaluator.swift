import SpikeEngine

/// Runs checked statements: the tree-walking half of the pipeline.
///
/// Scope works as in Python: the top level reads and writes the session's globals (shared by
/// reference with every function, so a function sees a global's value when it runs); `for`
/// and `if` share the enclosing scope; a call gets its own scope of parameters and locals, and
/// reads the locals its function captured from enclosing calls, then the globals, behind it.
/// Calls nest at most `callDepthLimit` deep, and the sink's `isCancelled` is polled at every
/// loop iteration and call. An error inside a function defined in another cell is reported at
/// the call in this cell, with the place inside the function as context (`ForeignFailure`).
final class Evaluator {
    static let callDepthLimit = 400

    /// The session's bindings: the scope at top level, read behind a call's scopes.
    let globals: Globals
    /// Inside a call, its parameters and locals; nil at top level.
    var locals: [String: Value]?
    /// Inside a call, what its function captured from enclosing calls (read-only, looked up
    /// after `locals`); empty at top level.
    var enclosing: [String: Value] = [:]
    let library: Library
    let sink: OutputSink
    var settings: SessionSettings
    /// The text the running code comes from: the cell, or inside a call the cell that
    /// defined the function. Diagnostic ranges refer to it.
    private(set) var source: String
    private var callDepth = 0
    /// The label of the user function running now (nil at top level): the caller named in a
    /// call chain.
    private var function: String?

    /// An evaluator that reads and writes `globals` in place (a cell's bindings stay made even
    /// when a later statement fails).
    init(globals: Globals, library: Library, sink: OutputSink, settings: SessionSettings, source: String = "") {
        self.globals = globals
        self.library = library
        self.sink = sink
        self.settings = settings
        self.source = source
    }

    /// Binds `name` in the current scope: the call's locals, or the globals at top level.
    func bind(_ name: String, to value: Value) {
        if locals != nil {
            locals?[name] = value
        } else {
            globals.bindings[name] = value
        }
    }

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
            bind(name, to: try evaluate(valueExpression))
            return .none
        case .function(let declaration):
            bind(declaration.name, to: .function(try closure(of: declaration, isAnonymous: false)))
            return .none
        case .loop(let variable, _, let sequenceExpression, let body):
            let sequence = try evaluate(sequenceExpression)
            do {
                try forEach(in: sequence, at: sequenceExpression.range) { item in
                    try checkCancellation(at: statement.range)
                    bind(variable, to: item)
                    do {
                        _ = try run(body)
                    } catch let jump as LoopJump where jump.kind == .continue {}
                }
            } catch let jump as LoopJump where jump.kind == .break {}
            return .none
        case .jump(let kind):
            throw LoopJump(kind: kind)
        case .partAssignment(let target, let valueExpression):
            try assign(try evaluate(valueExpression), to: target, valueRange: valueExpression.range)
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

    /// Visits the items of a list or range, the characters of a string (one at a time, never
    /// as a whole array of characters), the rows of a tensor or the field names of a record
    /// (in order, as `keys(r)`). Polls the interrupt flag every `cancellationChunk` items, so
    /// a builtin that collects them (`list(range(1e7))`) ends with `Interrupted` at `range`
    /// soon after an interrupt.
    func forEach(in sequence: Value, at range: SourceRange, _ body: (Value) throws -> Void) throws {
        var meter = CancellationMeter(cancellation)
        switch sequence {
        case .list(let items):
            for item in items {
                try meter.advance(at: range)
                try body(item)
            }
        case .range(let integers):
            var current = integers.lower
            while current < integers.upper {
                try meter.advance(at: range)
                try body(.number(Double(current)))
                current += 1
            }
        case .string(let string):
            for character in string {
                try meter.advance(at: range)
                try body(.string(String(character)))
            }
        case .tensor(let tensor) where !tensor.shape.isEmpty:
            for row in 0..<(tensor.shape.first ?? 0) {
                try body(try tensorRow(tensor, row, at: range))
            }
        case .record(let record):
            for name in record.names {
                try meter.advance(at: range)
                try body(.string(name))
            }
        default:
            throw Diagnostic(.notIterable(sequence.typeName), at: range)
        }
    }

    func checkCancellation(at range: SourceRange) throws {
        if sink.isCancelled { throw Diagnostic(.interrupted, at: range) }
    }

    /// Calls a user function: a fresh scope of its arguments (and its own name when it was
    /// defined inside a call), in front of its captures and globals.
    func call(_ closure: Closure, _ arguments: Arguments, at range: SourceRange) throws -> Value {
        try checkCancellation(at: range)
        guard callDepth < Evaluator.callDepthLimit else {
            throw Diagnostic(.recursionTooDeep(limit: Evaluator.callDepthLimit), at: range)
        }
        var callLocals: [String: Value] = closure.isNested && !closure.isAnonymous ? [closure.name: .function(closure)] : [:]
        for parameter in closure.declaration.parameters {
            callLocals[parameter.name] = arguments.boundValue(parameter.name)
        }
        let saved = (locals, enclosing, source)
        let caller = function
        callDepth += 1
        locals = callLocals
        enclosing = closure.enclosing
        source = closure.source
        function = closure.label
        defer {
            callDepth -= 1
            (locals, enclosing, source) = saved
            function = caller
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
        } catch let failure as CallChainFailure where closure.source != saved.2 {
            throw ForeignFailure(at: range, failure.diagnostic, inside: closure)
        } catch let diagnostic as Diagnostic where diagnostic.kind != .interrupted {
            // An error inside a function of this cell keeps its place and gains the call.
            throw CallChainFailure(diagnostic, calledAt: range, by: caller)
        } catch var failure as CallChainFailure {
            failure.calls.append(.init(range: range, caller: caller))
            throw failure
        }
    }
}
