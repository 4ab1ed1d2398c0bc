import SpikeEngine

/// Between Spike lists and engine tensors: `tensor([[1, 2], [3, 4]])` and `tolist(t)`.
enum TensorConversion {
    /// The most axes a tensor built from lists may have.
    static let rankLimit = 32

    /// A tensor from a number or (nested, rectangular) lists of numbers.
    /// Errors: a non-number → TypeError; ragged lists → ShapeError naming both lengths; the
    /// interrupt flag (`isCancelled`, polled every `cancellationChunk` values) → Interrupted.
    static func tensor(
        from value: Value, at range: SourceRange, budget: MemoryBudget,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        var shape: [Int] = []
        var probe = value
        while case .list(let items) = probe {
            guard shape.count < rankLimit else {
                throw Diagnostic(.shapeMismatch("tensor(): lists nested more than \(rankLimit) deep"), at: range)
            }
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        let (count, overflow) = shape.reduce((1, false)) { partial, extent in
            let (product, over) = partial.0.multipliedReportingOverflow(by: extent)
            return (product, partial.1 || over)
        }
        do {
            try budget.check(scalars: overflow ? Int.max : count)
        } catch let EngineError.resource(requested, limit) {
            throw Diagnostic(.memoryBudget(requestedBytes: requested, budgetBytes: limit), at: range)
        }
        var scalars: [Float] = []
        scalars.reserveCapacity(count)
        var meter = CancellationMeter(isCancelled)
        try flatten(value, shape: shape[...], into: &scalars, meter: &meter, at: range)
        return try Tensor(shape: shape, scalars: scalars)
    }

    private static func flatten(
        _ value: Value, shape: ArraySlice<Int>, into scalars: inout [Float],
        meter: inout CancellationMeter, at range: SourceRange
    ) throws {
        try meter.advance(at: range)
        switch value {
        case .number(let number):
            guard shape.isEmpty else {
                throw Diagnostic(
                    .shapeMismatch("tensor(): a number stands where a list of \(shape.first ?? 0) was expected (ragged lists)"), at: range)
            }
            scalars.append(Float(number))
        case .list(let items):
            guard let extent = shape.first, extent == items.count else {
                let expected = shape.first.map { "a list of \($0)" } ?? "a number"
                throw Diagnostic(
                    .shapeMismatch("tensor(): a list of \(items.count) stands where \(expected) was expected (ragged lists)"), at: range)
            }
            for item in items { try flatten(item, shape: shape.dropFirst(), into: &scalars, meter: &meter, at: range) }
        case .boolean(let flag):
            guard shape.isEmpty else { fallthrough }
            scalars.append(flag ? 1 : 0)
        default:
            throw Diagnostic(.elementType(context: "a tensor", expected: "numbers", got: value.typeName), at: range)
        }
    }

    /// Nested lists of numbers (a number for a rank-0 tensor); the interrupt flag
    /// (`isCancelled`, polled every `cancellationChunk` numbers) ends it with Interrupted at
    /// `range`.
    static func list(from tensor: Tensor, at range: SourceRange, isCancelled: CancellationCheck? = nil) throws -> Value {
        var meter = CancellationMeter(isCancelled)
        func nested(_ scalars: ArraySlice<Float>, _ shape: ArraySlice<Int>) throws -> Value {
            guard let first = shape.first else { return .number(Double(scalars.first ?? 0)) }
            guard shape.count > 1 else {
                // A row of numbers, converted a chunk at a time.
                var row: [Value] = []
                row.reserveCapacity(first)
                for start in stride(from: scalars.startIndex, to: scalars.endIndex, by: cancellationChunk) {
                    let end = min(start + cancellationChunk, scalars.endIndex)
                    try meter.advance(by: end - start, at: range)
                    row.append(contentsOf: scalars[start..<end].lazy.map { .number(Double($0)) })
                }
                return .list(row)
            }
            try meter.advance(at: range)
            let inner = shape.dropFirst().reduce(1, *)
            return .list(
                try (0..<first).map { index in
                    let start = scalars.startIndex + index * inner
                    return try nested(scalars[start..<start + inner], shape.dropFirst())
                })
        }
        return try nested(tensor.scalars[...], tensor.shape[...])
    }

    /// A tensor's scalars as Doubles (for plotting).
    static func doubles(_ tensor: Tensor) -> [Double] {
        tensor.scalars.map(Double.init)
    }
}
