/// One part of a classification set: features `(count, features)` and a label per example.
public struct ClassificationSplit: Equatable, Sendable {
    public let part: SplitPart
    /// The rows of the original data in this part, ascending.
    public let rows: [Int]
    /// Features, shape `(count, features)`.
    public let inputs: Tensor
    /// Class index of each example.
    public let labels: [Int]

    /// The number of examples.
    public var count: Int { labels.count }
}

extension ClassificationSplit: BatchSource {
    /// The examples `indices` as `(b, features)` inputs and `(b)` class indices (as Float).
    public func batch(_ indices: [Int]) throws -> Batch {
        let chosen = try inputs.gatherRows(indices, operation: "batch")
        let classes = indices.map { Float(labels[$0]) }
        return Batch(indices: indices, inputs: chosen, targets: Tensor(classes))
    }
}
