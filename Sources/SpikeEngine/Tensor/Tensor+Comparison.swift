/// Elementwise comparisons with NumPy broadcasting, giving 1 where the comparison holds and 0
/// where it does not; NaN compares false, so `nan != nan` gives 1 (as NumPy).
///
///     try Tensor([0.5, 0.9]).compared(with: Tensor(0.8), .greater)   // [0, 1]
///     try Tensor([1, 2]).compared(with: Tensor([[1], [2]]), .equal)   // [[1, 0], [0, 1]]
///
/// Cost: O(result count), polling `isCancelled` every `cancellationChunk` results.
extension Tensor {
    /// The six comparisons.
    public enum Comparison: String, Sendable, CaseIterable {
        case less, lessEqual, greater, greaterEqual, equal, notEqual
    }

    /// `self ⋚ other` elementwise (1 or 0) after broadcasting both to a common shape; checks
    /// the result's size against `budget` first.
    public func compared(
        with other: Tensor, _ comparison: Comparison, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        let name = "compare"
        let target = shape == other.shape ? shape : try Broadcast.shape(shape, other.shape, operation: name)
        try budget.check(scalars: try Tensor.elementCount(of: target))
        switch comparison {
        case .less: return try broadcasting(other, name: name, Less.self, isCancelled: isCancelled)
        case .lessEqual: return try broadcasting(other, name: name, LessEqual.self, isCancelled: isCancelled)
        case .greater: return try broadcasting(other, name: name, Greater.self, isCancelled: isCancelled)
        case .greaterEqual: return try broadcasting(other, name: name, GreaterEqual.self, isCancelled: isCancelled)
        case .equal: return try broadcasting(other, name: name, Equal.self, isCancelled: isCancelled)
        case .notEqual: return try broadcasting(other, name: name, NotEqual.self, isCancelled: isCancelled)
        }
    }
}

private enum Less: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b ? 1 : 0 }
}
private enum LessEqual: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? 1 : 0 }
}
private enum Greater: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b ? 1 : 0 }
}
private enum GreaterEqual: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? 1 : 0 }
}
private enum Equal: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a == b ? 1 : 0 }
}
private enum NotEqual: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != b ? 1 : 0 }
}

extension Tensor {
    /// True when some scalar is non-zero (NaN counts as non-zero, as in NumPy); false for an
    /// empty tensor. Stops at the first one; polls `isCancelled` every `cancellationChunk` scalars.
    public func containsNonZero(isCancelled: CancellationCheck? = nil) throws -> Bool {
        try firstIndex(isCancelled: isCancelled) { $0 != 0 } != nil
    }

    /// True when every scalar is non-zero (NaN counts as non-zero); true for an empty tensor.
    /// Stops at the first zero; polls `isCancelled` every `cancellationChunk` scalars.
    public func isAllNonZero(isCancelled: CancellationCheck? = nil) throws -> Bool {
        try firstIndex(isCancelled: isCancelled) { $0 == 0 } == nil
    }

    /// The index of the first scalar that satisfies `predicate`, scanning a chunk at a time.
    private func firstIndex(isCancelled: CancellationCheck?, where predicate: (Float) -> Bool) throws -> Int? {
        var found: Int?
        try forEachChunk(count, isCancelled: isCancelled) { range in
            guard found == nil else { return }
            found = scalars[range].firstIndex(where: predicate)
        }
        return found
    }
}
