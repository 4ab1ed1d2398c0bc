import SpikeEngine

/// Elementwise arithmetic and comparisons with tensors (NumPy broadcasting), the matrix
/// product `@`, indexing and iteration over their first axis, and multi-axis subscripts. Each
/// engine call polls the interrupt flag in chunks, so an interrupt ends even a 1e8-element
/// operation at once, and checks the result's size against the memory budget first.
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
        guard let (a, b) = tensorOperands(left, right) else { return nil }
        return .tensor(try engine(at: range) { try a.combined(with: b, operation, budget: settings.budget, isCancelled: cancellation) })
    }

    /// `== != < <= > >=` with a tensor on either side and a tensor or number on the other: a
    /// tensor of 1s where the comparison holds and 0s elsewhere (NaN compares false); nil for
    /// other operands, which compare as values.
    func tensorComparison(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value? {
        let comparison: Tensor.Comparison
        switch op {
        case .less: comparison = .less
        case .lessEqual: comparison = .lessEqual
        case .greater: comparison = .greater
        case .greaterEqual: comparison = .greaterEqual
        case .equal: comparison = .equal
        case .notEqual: comparison = .notEqual
        default: return nil
        }
        guard let (a, b) = tensorOperands(left, right) else { return nil }
        return .tensor(try engine(at: range) { try a.compared(with: b, comparison, budget: settings.budget, isCancelled: cancellation) })
    }

    /// The two operands as tensors when one is a tensor and the other a tensor or a number.
    private func tensorOperands(_ left: Value, _ right: Value) -> (Tensor, Tensor)? {
        switch (left, right) {
        case (.tensor(let x), .tensor(let y)): return (x, y)
        case (.tensor(let x), .number(let y)): return (x, Tensor(Float(y)))
        case (.number(let x), .tensor(let y)): return (Tensor(Float(x)), y)
        default: return nil
        }
    }

    /// `a @ b` on two tensors, as NumPy's `matmul` (through the engine's GEMM); a product of
    /// two vectors is a number.
    func matrixProduct(_ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        guard case .tensor(let a) = left, case .tensor(let b) = right else {
            throw Diagnostic(
                .unsupportedOperands(operator: BinaryOperator.matrixProduct.rawValue, left: left.typeName, right: right.typeName),
                at: range)
        }
        let product = try engine(at: range) { try a.matrixProduct(b, budget: settings.budget, isCancelled: cancellation) }
        return product.rank == 0 ? .number(Double(product.scalars[0])) : .tensor(product)
    }

    /// `t[p0, p1, …]`: part `i` takes an index (the axis goes away) or a slice (the axis
    /// stays, clamped as in Python) of axis `i`; axes after the parts stay whole. Every index
    /// is checked before anything is copied, and an index out of range is reported at its part.
    func tensorPart(_ tensor: Tensor, _ parts: [SubscriptPart], at range: SourceRange) throws -> Value {
        guard parts.count <= tensor.rank else {
            throw Diagnostic(.tooManyIndices(shape: tensor.shape, given: parts.count), at: parts[tensor.rank].range)
        }
        var selections: [AxisSelection] = []
        for (axis, part) in parts.enumerated() {
            let extent = tensor.shape[axis]
            switch part.kind {
            case .index(let expression):
                let position = try integer(expression, what: "an index")
                let resolved = position < 0 ? extent + position : position
                guard resolved >= 0, resolved < extent else {
                    throw Diagnostic(.axisIndexOutOfRange(axis: axis, index: position, count: extent), at: part.range)
                }
                selections.append(.position(resolved))
            case .slice(let lower, let upper):
                let lower = try lower.map { try integer($0, what: "a slice bound") }
                let upper = try upper.map { try integer($0, what: "a slice bound") }
                selections.append(.range(Self.sliceBounds(count: extent, lower: lower, upper: upper)))
            }
        }
        let part = try engine(at: range) { try tensor.selecting(selections, budget: settings.budget, isCancelled: cancellation) }
        return part.rank == 0 ? .number(Double(part.scalars[0])) : .tensor(part)
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
