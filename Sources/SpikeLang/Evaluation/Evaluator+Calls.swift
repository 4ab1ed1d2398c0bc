import SpikeEngine

/// Calling user functions and builtins with positional and named arguments.
extension Evaluator {
    func evaluateCall(_ calleeExpression: Expression, _ arguments: [Argument], at range: SourceRange) throws -> Value {
        let callee = try evaluate(calleeExpression)
        if case .name(let name) = calleeExpression.kind, library[name] != nil {
            switch callee {
            case .function, .builtin: break
            default:
                // `print = 3` earlier in the session hides the builtin: say so, not just "not a function".
                throw Diagnostic(.shadowedBuiltin(name: name, type: callee.typeName), at: range)
            }
        }
        var positional: [(Value, SourceRange)] = []
        var named: [(String, Value, SourceRange)] = []
        for argument in arguments {
            let value = try evaluate(argument.value)
            if let name = argument.name {
                named.append((name, value, argument.nameRange ?? argument.range))
            } else {
                positional.append((value, argument.value.range))
            }
        }
        return try call(callee, positional: positional, named: named, at: range)
    }

    /// Calls any callable value; the arguments are matched to its signature first.
    func call(
        _ callee: Value, positional: [(Value, SourceRange)], named: [(String, Value, SourceRange)],
        at range: SourceRange
    ) throws -> Value {
        switch callee {
        case .function(let closure):
            let arguments = try Arguments(
                matching: closure.parameterSignature, positional: positional, named: named,
                callRange: range)
            return try call(closure, arguments, at: range)
        case .builtin(let builtin):
            try checkCancellation(at: range)
            let arguments = try Arguments(
                matching: builtin.signature, positional: positional, named: named,
                callRange: range)
            do {
                return try builtin.body(arguments, self)
            } catch let diagnostic as Diagnostic {
                throw diagnostic
            } catch let error as EngineError {
                throw arguments.diagnostic(for: error)
            } catch let failure as CallChainFailure {
                throw failure
            } catch let failure as ForeignFailure {
                throw failure
            } catch {
                throw Diagnostic(.libraryFailure(function: builtin.name, message: String(describing: error)), at: range)
            }
        default:
            throw Diagnostic(.notCallable(callee.typeName), at: range)
        }
    }
}

extension Closure {
    /// The closure's parameters as a `Signature`, so user functions and builtins share one
    /// argument matcher (and one set of error messages).
    var parameterSignature: Signature {
        Signature(
            name,
            zip(declaration.parameters, defaults).map { parameter, value in
                Signature.Parameter(name: parameter.name, defaultValue: value)
            })
    }
}
