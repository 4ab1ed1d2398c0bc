import SpikeEngine

/// Runs an engine call and turns its errors into the language's, at the culprit's range:
/// a bad parameter → ValueError at that argument, shapes → ShapeError, the memory budget →
/// ResourceError, cancellation → Interrupted.
extension Arguments {
    func engine<T>(_ call: () throws -> T) throws -> T {
        do {
            return try call()
        } catch let error as EngineError {
            throw diagnostic(for: error)
        }
    }

    func diagnostic(for error: EngineError) -> Diagnostic {
        switch error {
        case .value(let argument, let message):
            let name = argument.spelling.text
            return Diagnostic(.invalidArgument(function: function, parameter: name, reason: message), at: range(of: name))
        case .shape:
            return Diagnostic(.shapeMismatch(error.description), at: callRange)
        case .resource(let requested, let budget):
            return Diagnostic(.memoryBudget(requestedBytes: requested, budgetBytes: budget), at: callRange)
        case .interrupted:
            return Diagnostic(.interrupted, at: callRange)
        }
    }
}

extension Evaluator {
    /// The check long engine calls poll: the sink's interrupt flag.
    var cancellation: CancellationCheck {
        let sink = self.sink
        return { sink.isCancelled }
    }
}
