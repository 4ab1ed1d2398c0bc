/// NumPy's `where`: an elementwise choice between two tensors by a condition, the three
/// broadcast to one shape.
///
///     try Tensor.selecting(where: Tensor([1, 0, 1]), Tensor([1, 2, 3]), else: Tensor(0))   // [1, 0, 3]
///
/// Cost: O(result count), polling `isCancelled` every `cancellationChunk` results.
extension Tensor {
    /// `a` where `condition` is non-zero (NaN counts as non-zero, as in NumPy), else `b`;
    /// checks the result's size against `budget` first. Shapes that do not broadcast throw
    /// `.shape(operation: "where", …)`.
    public static func selecting(
        where condition: Tensor, _ a: Tensor, else b: Tensor, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        let name = "where"
        let target = try Broadcast.shape(try Broadcast.shape(condition.shape, a.shape, operation: name), b.shape, operation: name)
        let total = try elementCount(of: target)
        try budget.check(scalars: total)
        guard let inner = target.last else {
            return Tensor(condition.scalars[0] != 0 ? a.scalars[0] : b.scalars[0])
        }
        let rank = target.count
        let strides = [condition, a, b].map { Broadcast.strides(of: $0.shape, broadcastTo: target) }
        let (conditionInner, aInner, bInner) = (strides[0][rank - 1], strides[1][rank - 1], strides[2][rank - 1])
        var meter = CancellationMeter(isCancelled)
        let result = try condition.scalars.withUnsafeBufferPointer { c in
            try a.scalars.withUnsafeBufferPointer { x in
                try b.scalars.withUnsafeBufferPointer { y in
                    try [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
                        guard total > 0, let out = buffer.baseAddress else { return }
                        var counter = [Int](repeating: 0, count: rank)
                        var offsets = [0, 0, 0]
                        var linear = 0
                        while linear < total {
                            // One row of the last axis, in pieces between polls.
                            try forEachRange(inner, of: cancellationChunk) { steps in
                                for step in steps {
                                    let chosen =
                                        c[offsets[0] &+ step &* conditionInner] != 0
                                        ? x[offsets[1] &+ step &* aInner] : y[offsets[2] &+ step &* bInner]
                                    (out + (linear &+ step)).initialize(to: chosen)
                                }
                                initialized = linear &+ steps.upperBound
                                try meter.advance(by: steps.count)
                            }
                            linear &+= inner
                            Broadcast.advance(&counter, &offsets, strides: strides, shape: target, through: rank - 2)
                        }
                    }
                }
            }
        }
        return Tensor(unchecked: target, scalars: result)
    }
}
