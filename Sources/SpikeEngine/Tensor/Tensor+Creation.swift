/// Tensors made from a shape: constant fills and seeded normal samples. Each checks the
/// memory budget before allocating, and polls `isCancelled` every `cancellationChunk` entries.
extension Tensor {
    /// A tensor of `shape` with every entry `value`. Cost: O(count).
    public static func filled(
        _ shape: [Int], with value: Float, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        let count = try elementCount(of: shape)
        try budget.check(scalars: count)
        var scalars = [Float]()
        scalars.reserveCapacity(count)
        try forEachChunk(count, isCancelled: isCancelled) { range in
            scalars.append(contentsOf: repeatElement(value, count: range.count))
        }
        return Tensor(unchecked: shape, scalars: scalars)
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], budget: MemoryBudget = .standard) throws -> Tensor {
        try filled(shape, with: 0, budget: budget)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], budget: MemoryBudget = .standard) throws -> Tensor {
        try filled(shape, with: 1, budget: budget)
    }

    /// Standard normal samples (mean 0, standard deviation 1) from `SeededGenerator(seed:)`:
    /// the same seed always gives the same numbers. Cost: O(count).
    public static func randn(
        _ shape: [Int], seed: UInt64, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return try randn(shape, generator: &generator, budget: budget, isCancelled: isCancelled)
    }

    /// Standard normal samples drawn from `generator` (which advances); drawn in chunks, they
    /// are the same numbers as one `generator.normals(count)`.
    public static func randn(
        _ shape: [Int], generator: inout SeededGenerator, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        let count = try elementCount(of: shape)
        try budget.check(scalars: count)
        var scalars = [Float]()
        scalars.reserveCapacity(count)
        try forEachChunk(count, isCancelled: isCancelled) { range in
            scalars.append(contentsOf: generator.normals(range.count))
        }
        return Tensor(unchecked: shape, scalars: scalars)
    }

    /// Uniform samples in [low, high) drawn from `generator` (which advances).
    public static func uniform(
        _ shape: [Int], low: Float, high: Float, generator: inout SeededGenerator,
        budget: MemoryBudget = .standard
    ) throws -> Tensor {
        let count = try elementCount(of: shape)
        try budget.check(scalars: count)
        let width = Double(high) - Double(low)
        var scalars = [Float]()
        scalars.reserveCapacity(count)
        for _ in 0..<count {
            scalars.append(Float(Double(low) + width * generator.nextUnit()))
        }
        return Tensor(unchecked: shape, scalars: scalars)
    }
}
