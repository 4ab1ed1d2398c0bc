import SpikeEngine

/// Evaluating expressions: literals, names, containers, operators, conditionals, calls,
/// anonymous functions.
extension Evaluator {
    func evaluate(_ expression: Expression) throws -> Value {
        switch expression.kind {
        case .number(let value): return .number(value)
        case .string(let value): return .string(value)
        case .formatted(let parts): return .string(try formattedString(parts))
        case .boolean(let value): return .boolean(value)
        case .none: return .none
        case .name(let name):
            return try lookUp(name, at: expression.range)
        case .list(let items):
            var meter = CancellationMeter(cancellation)
            return .list(
                try items.map { item in
                    try meter.advance(at: expression.range)
                    return try evaluate(item)
                })
        case .record(let fields):
            return .record(Record(try fields.map { Record.Field(name: $0.name, value: try evaluate($0.value)) }))
        case .range(let lowerExpression, let upperExpression):
            let lower = try integer(lowerExpression, what: "a range bound")
            let upper = try integer(upperExpression, what: "a range bound")
            return .range(IntegerRange(lower: lower, upper: upper))
        case .negate(let operandExpression):
            let operand = try evaluate(operandExpression)
            return try negate(operand, at: expression.range)
        case .not(let operandExpression):
            return .boolean(!(try boolean(operandExpression, context: "'not'")))
        case .binary(let op, let leftExpression, let rightExpression):
            let left = try evaluate(leftExpression)
            let right = try evaluate(rightExpression)
            do {
                return try apply(op, left, right, at: expression.range)
            } catch let diagnostic as Diagnostic where op == .matrixProduct {
                // The caret goes under `@`, between two operands that may each be long.
                throw Diagnostic(diagnostic.problem, at: operatorRange(op, after: leftExpression.range) ?? diagnostic.range)
            }
        case .logical(let op, let leftExpression, let rightExpression):
            let context = "'\(op.rawValue)'"
            let left = try boolean(leftExpression, context: context)
            switch op {
            case .and: return .boolean(left ? try boolean(rightExpression, context: context) : false)
            case .or: return .boolean(left ? true : try boolean(rightExpression, context: context))
            }
        case .call(let calleeExpression, let arguments):
            return try evaluateCall(calleeExpression, arguments, at: expression.range)
        case .member(let baseExpression, let name, let nameRange):
            return try member(of: try evaluate(baseExpression), named: name, at: nameRange)
        case .index(let baseExpression, let indexExpression):
            let base = try evaluate(baseExpression)
            let index = try evaluate(indexExpression)
            return try subscriptValue(base, index, baseRange: baseExpression.range, indexRange: indexExpression.range)
        case .slice(let baseExpression, let lowerExpression, let upperExpression):
            let base = try evaluate(baseExpression)
            let lower = try lowerExpression.map { try integer($0, what: "a slice bound") }
            let upper = try upperExpression.map { try integer($0, what: "a slice bound") }
            return try slice(base, lower: lower, upper: upper, at: baseExpression.range)
        case .multiIndex(let baseExpression, let parts):
            let base = try evaluate(baseExpression)
            return try subscriptValue(base, parts, baseRange: baseExpression.range, at: expression.range)
        case .conditional(let conditionExpression, let then, let otherwise):
            if try boolean(conditionExpression, context: "'if'") {
                return try run(then)
            }
            return try otherwise.map { try run($0) } ?? Value.none
        case .function(let declaration):
            return .function(try closure(of: declaration, isAnonymous: true))
        case .comprehension(let comprehension):
            return try evaluate(comprehension)
        }
    }

    /// The function `declaration` defines where it runs now: its defaults evaluated, and
    /// inside a call (or comprehension) the locals as they stand (a few names) captured. It
    /// reads globals through the shared `globals`, never a copy of them. A named function sees
    /// itself through the binding every call adds, so it need not capture its previous
    /// definition (which would chain one closure per redefinition).
    func closure(of declaration: FunctionDeclaration, isAnonymous: Bool) throws -> Closure {
        let defaults = try declaration.parameters.map { parameter in
            try parameter.defaultValue.map { try evaluate($0) }
        }
        let captured = locals.map { locals in
            var captured = enclosing.merging(locals) { _, local in local }
            if !isAnonymous { captured.removeValue(forKey: declaration.name) }
            return captured
        }
        return Closure(
            declaration: declaration, globals: globals, enclosing: captured, defaults: defaults, source: source,
            isAnonymous: isAnonymous)
    }

    /// A name's value: the call's locals, its captures, the globals, then the library.
    func lookUp(_ name: String, at range: SourceRange) throws -> Value {
        if let value = locals?[name] ?? enclosing[name] ?? globals.bindings[name] { return value }
        if let builtin = library[name] { return .builtin(builtin) }
        let known = (locals.map { Array($0.keys) } ?? []) + Array(enclosing.keys) + Array(globals.bindings.keys) + library.names
        throw Diagnostic(
            .undefinedName(name, suggestion: Suggestion.closest(to: name, among: known)),
            at: range)
    }

    func boolean(_ expression: Expression, context: String) throws -> Bool {
        let value = try evaluate(expression)
        guard case .boolean(let boolean) = value else {
            throw Diagnostic(.notBoolean(context: context, got: value.typeName), at: expression.range)
        }
        return boolean
    }

    /// An integer-valued expression (sizes, indices, range bounds).
    func integer(_ expression: Expression, what: String) throws -> Int {
        let value = try evaluate(expression)
        guard case .number(let number) = value else {
            throw Diagnostic(.wrongKind(what: what, expected: "a number", got: value.typeName), at: expression.range)
        }
        return try Integers.exact(number, what: what, at: expression.range)
    }
}
