/// What a subscript takes from one axis of a tensor.
public enum AxisSelection: Equatable, Sendable {
    /// One position (0-based, already resolved): the axis goes away.
    case position(Int)
    /// A half-open range of positions (already clamped): the axis stays, with its length.
    case range(Range<Int>)
}

/// Multi-axis subscripts: one selection per leading axis, the remaining axes whole.
///
///     let t = try Tensor(shape: [3, 4], scalars: (0..<12).map(Float.init))
///     try t.selecting([.range(0..<3), .position(1)])     // column 1: [1, 5, 9]
///     try t.selecting([.range(1..<3), .range(2..<4)])    // [[6, 7], [10, 11]]
///     try t.selecting([.position(2), .position(3)])      // rank 0: 11
///
/// Cost: O(result count): contiguous runs (the trailing axes taken whole) are copied at once;
/// `isCancelled` is polled every `cancellationChunk` scalars copied.
extension Tensor {
    /// The part of the tensor that `selections` pick along its first `selections.count` axes.
    /// Throws `.shape` for more selections than axes, `.value(argument: .index)` for a position
    /// or range outside its axis, and `.resource` when the result exceeds `budget`.
    public func selecting(
        _ selections: [AxisSelection], budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        guard selections.count <= rank else {
            throw EngineError.shape(operation: "index", first: shape, second: [selections.count])
        }
        let strides = Self.strides(of: shape)
        var start = 0
        var outerShape: [Int] = []
        var outerStrides: [Int] = []
        var resultShape: [Int] = []
        // Trailing selections that take their whole axis join the contiguous run.
        var wholeFrom = selections.count
        while wholeFrom > 0, selections[wholeFrom - 1] == .range(0..<shape[wholeFrom - 1]) { wholeFrom -= 1 }
        for (axis, selection) in selections.enumerated() {
            let extent = shape[axis]
            switch selection {
            case .position(let position):
                guard position >= 0, position < extent else {
                    throw EngineError.value(
                        argument: .index, message: "\(position) is out of range for axis \(axis) of extent \(extent)")
                }
                start += position * strides[axis]
            case .range(let range):
                guard range.lowerBound >= 0, range.upperBound <= extent else {
                    throw EngineError.value(
                        argument: .index, message: "\(range) is out of bounds for axis \(axis) of extent \(extent)")
                }
                start += range.lowerBound * strides[axis]
                resultShape.append(range.count)
                if axis < wholeFrom {
                    outerShape.append(range.count)
                    outerStrides.append(strides[axis])
                }
            }
        }
        resultShape += shape[selections.count...]
        let run = shape[wholeFrom...].reduce(1, *)
        let total = try Self.elementCount(of: resultShape)
        try budget.check(scalars: total)
        var meter = CancellationMeter(isCancelled)
        let result = try scalars.withUnsafeBufferPointer { source in
            try [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
                guard total > 0, let out = buffer.baseAddress, let from = source.baseAddress else { return }
                var counter = [Int](repeating: 0, count: outerShape.count)
                var offset = [start]
                var written = 0
                while written < total {
                    try forEachRange(run, of: cancellationChunk) { piece in
                        (out + written + piece.lowerBound).initialize(from: from + offset[0] + piece.lowerBound, count: piece.count)
                        initialized = written + piece.upperBound
                        try meter.advance(by: piece.count)
                    }
                    written += run
                    Broadcast.advance(&counter, &offset, strides: [outerStrides], shape: outerShape, through: outerShape.count - 1)
                }
            }
        }
        return Tensor(unchecked: resultShape, scalars: result)
    }
}
