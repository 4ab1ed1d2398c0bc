/// Classification accuracy.
extension Metrics {
    /// The fraction of examples whose predicted class equals the label, in [0, 1].
    ///
    /// Throws `EngineError.shape` when the counts differ and `.value(argument: .labels)`
    /// when there are none.
    public static func accuracy(labels: [Int], predicted: [Int]) throws -> Double {
        guard labels.count == predicted.count else {
            throw EngineError.shape(operation: "accuracy", first: [labels.count], second: [predicted.count])
        }
        guard !labels.isEmpty else {
            throw EngineError.value(argument: .labels, message: "there are no examples to score")
        }
        let hits = zip(labels, predicted).lazy.filter { $0 == $1 }.count
        return Double(hits) / Double(labels.count)
    }

    /// Accuracy of class scores `(N, K)` (logits or probabilities): the predicted class of
    /// each row is its arg-max, the first one on ties.
    public static func accuracy(labels: [Int], scores: Tensor) throws -> Double {
        guard scores.rank == 2, scores.shape[0] == labels.count, scores.shape[1] > 0 else {
            throw EngineError.shape(operation: "accuracy", first: [labels.count], second: scores.shape)
        }
        return try accuracy(labels: labels, predicted: argmaxRows(scores))
    }

    /// The arg-max of each row of a rank-2 tensor with at least one column.
    static func argmaxRows(_ scores: Tensor) -> [Int] {
        let width = scores.shape[1]
        return (0..<scores.shape[0]).map { row in
            var best = 0
            for k in 1..<max(width, 1) where scores.scalars[row * width + k] > scores.scalars[row * width + best] {
                best = k
            }
            return best
        }
    }
}
