/// Walks a split in mini-batches of `size`, in a seeded shuffled order (or in order): the same
/// seed always gives the same order. The last batch is smaller when `size` does not divide the
/// count. Use a new seed per epoch (e.g. `seed + epoch`) to reshuffle.
///
///     var batches = try BatchIterator(data.train, size: 32, seed: 7)
///     while let batch = try batches.next() { ... }
public struct BatchIterator<Source: BatchSource> {
    public let source: Source
    /// The example indices of each batch, in visiting order.
    public let order: [[Int]]
    private var position = 0

    /// Throws `EngineError.value(argument: .batchSize)` when `size` is below 1.
    public init(_ source: Source, size: Int, seed: UInt64, shuffle: Bool = true) throws {
        guard size >= 1 else {
            throw EngineError.value(argument: .batchSize, message: "must be at least 1, got \(size)")
        }
        var indices = Array(0..<source.count)
        if shuffle {
            var generator = SeededGenerator(seed: seed)
            indices.seededShuffle(using: &generator)
        }
        self.source = source
        self.order = stride(from: 0, to: indices.count, by: size).map {
            Array(indices[$0..<min($0 + size, indices.count)])
        }
    }

    /// The number of batches.
    public var batchCount: Int { order.count }

    /// The next batch, or `nil` after the last one.
    public mutating func next() throws -> Batch? {
        guard position < order.count else { return nil }
        defer { position += 1 }
        return try source.batch(order[position])
    }
}

extension Array {
    /// Fisher–Yates shuffle drawing from `generator`; the order depends only on its state
    /// (unlike `shuffle(using:)`, whose algorithm the standard library may change).
    mutating func seededShuffle(using generator: inout SeededGenerator) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(generator.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            swapAt(i, j)
        }
    }
}
