import SpikeEngine

/// Elementwise arithmetic with tensors (NumPy broadcasting), indexing and iteration over their
/// first axis, and `>>` for the layers that will come. Each engine call polls the interrupt
/// flag in chunks, so an interrupt ends even a 1e8-element operation at once.
extension Evaluator {
    /// `tensor op tensor`, `tensor op number` or `number op tensor` for + - * /; nil when
    /// neither side is a tensor.
    func tensorArithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value? {
        let operation: Tensor.BinaryOperation
        switch op {
        case .add: operation = .add
        case .subtract: operation = .subtract
        case .multiply: operation = .multiply
        case .divide: operation = .divide
        default: return nil
        }
        let a: Tensor
        let b: Tensor
        switch (left, right) {
        case (.tensor(let x), .tensor(let y)): (a, b) = (x, y)
        case (.tensor(let x), .number(let y)): (a, b) = (x, Tensor(Float(y)))
        case (.number(let x), .tensor(let y)): (a, b) = (Tensor(Float(x)), y)
        default: return nil
        }
        return .tensor(try engine(at: range) { try a.combined(with: b, operation, budget: settings.budget, isCancelled: cancellation) })
    }

    /// Row `index` of a tensor along its first axis (a number for a rank-1 tensor). Polls the
    /// interrupt flag first: iterating a tensor (`list(t)`, `for x in t`) takes one row at a
    /// time, and ten million rows take seconds.
    func tensorRow(_ tensor: Tensor, _ position: Int, at range: SourceRange) throws -> Value {
        try checkCancellation(at: range)
        guard let extent = tensor.shape.first else { throw Diagnostic(.notIndexable("a rank-0 tensor"), at: range) }
        let resolved = position < 0 ? extent + position : position
        guard resolved >= 0, resolved < extent else {
            throw Diagnostic(.indexOutOfRange(index: position, count: extent), at: range)
        }
        try checkBudget(count: tensor.count / extent, bytesEach: MemoryLayout<Float>.stride, at: range)
        let row = try engine(at: range) {
            try tensor.sliced(axis: 0, range: resolved..<resolved + 1, isCancelled: cancellation).reshaped(Array(tensor.shape.dropFirst()))
        }
        return row.rank == 0 ? .number(Double(row.scalars.first ?? 0)) : .tensor(row)
    }

    /// Rows `lower..<upper` of a tensor along its first axis.
    func tensorRows(_ tensor: Tensor, _ bounds: Range<Int>, at range: SourceRange) throws -> Value {
        guard !tensor.shape.isEmpty else { throw Diagnostic(.notSliceable("a rank-0 tensor"), at: range) }
        try checkBudget(count: tensor.count / max(1, tensor.shape[0]) * bounds.count, bytesEach: MemoryLayout<Float>.stride, at: range)
        return .tensor(try engine(at: range) { try tensor.sliced(axis: 0, range: bounds, isCancelled: cancellation) })
    }

    /// Runs an engine operation, mapping its errors to diagnostics at `range`.
    func engine<T>(at range: SourceRange, _ call: () throws -> T) throws -> T {
        do {
            return try call()
        } catch let error as EngineError {
            switch error {
            case .value(let argument, let message):
                throw Diagnostic(.invalidArgument(function: "tensor", parameter: argument.spelling.text, reason: message), at: range)
            case .shape:
                throw Diagnostic(.shapeMismatch(error.description), at: range)
            case .resource(let requested, let budget):
                throw Diagnostic(.memoryBudget(requestedBytes: requested, budgetBytes: budget), at: range)
            case .interrupted:
                throw Diagnostic(.interrupted, at: range)
            }
        }
    }
}
