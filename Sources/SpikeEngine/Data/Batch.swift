/// A mini-batch: the examples at `indices` of a split, stacked along the first axis.
public struct Batch: Equatable, Sendable {
    /// Which examples of the split, in batch order.
    public let indices: [Int]
    /// `(b, ...)` model inputs.
    public let inputs: Tensor
    /// `(b, ...)` targets: future windows for forecasting, class indices (as Float) for
    /// classification.
    public let targets: Tensor
}

/// A split that can hand out mini-batches by example index.
public protocol BatchSource {
    /// The number of examples.
    var count: Int { get }
    /// The examples `indices` (each in `0..<count`) stacked into a batch.
    func batch(_ indices: [Int]) throws -> Batch
}
