/// Scoring and using a trained network: the task's loss on a split, the paper's metrics
/// (through `Metrics`), and predictions in the data's original units.
public enum Evaluation {
    /// The mean loss over every example of `split` (inference mode), batch by batch.
    public static func loss(
        _ network: Network, on split: DataSplit, loss: Loss, batchSize: Int = 256, isCancelled: CancellationCheck? = nil
    ) throws -> Double {
        try validation(network, on: split, loss: loss, batchSize: batchSize, isCancelled: isCancelled).loss
    }

    /// The mean loss over every example of `split` (inference mode) and, for a classification
    /// split, the accuracy (arg-max of the class scores against the labels) from the same
    /// forward passes; nil accuracy for forecasting. Cost: one inference pass over the split.
    public static func validation(
        _ network: Network, on split: DataSplit, loss: Loss, batchSize: Int = 256, isCancelled: CancellationCheck? = nil
    ) throws -> (loss: Double, accuracy: Double?) {
        try split.requireExamples()
        var total = 0.0
        var hits = 0
        for range in chunks(split.count, size: batchSize) {
            let batch = try split.batch(Array(range))
            let tape = Tape(recording: false)
            let context = ForwardContext(tape: tape, training: false, isCancelled: isCancelled)
            let output = try network.forward(tape.constant(batch.inputs), in: context)
            let value = try loss.evaluate(output, target: batch.targets, on: tape)
            total += Double(value.value.scalarValue ?? .nan) * Double(range.count)
            if case .classification(let part) = split {
                let accuracy = try Metrics.accuracy(labels: range.map { part.labels[$0] }, scores: output.value)
                hits += Int((accuracy * Double(range.count)).rounded())
            }
        }
        let accuracy: Double? = if case .classification = split { Double(hits) / Double(split.count) } else { nil }
        return (total / Double(split.count), accuracy)
    }

    /// The network's outputs for every example of `inputs` ([N] + example shape), in batches,
    /// on the scale the network works in. Cost: one inference forward pass over N examples.
    public static func outputs(
        _ network: Network, inputs: Tensor, batchSize: Int = 256, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        guard let outputShape = network.outputShape else {
            throw EngineError.value(argument: .model, message: "it has not met data yet: train it first")
        }
        guard let count = inputs.shape.first, count > 0 else {
            throw EngineError.value(argument: .inputs, message: "there are no examples (shape \(inputs.shape))")
        }
        var scalars = [Float]()
        scalars.reserveCapacity(count * outputShape.reduce(1, *))
        for range in chunks(count, size: batchSize) {
            let rows = try inputs.sliced(axis: 0, range: range)
            let tape = Tape(recording: false)
            let context = ForwardContext(tape: tape, training: false, isCancelled: isCancelled)
            scalars += try network.forward(tape.constant(rows), in: context).value.scalars
        }
        return try Tensor(shape: [count] + outputShape, scalars: scalars)
    }

    /// The scores of `network` on `split`: R², RSE, MSE, MAE (normalized scale, as the paper
    /// reports them) for forecasting; accuracy for classification.
    public static func evaluate(
        _ network: Network, on split: DataSplit, batchSize: Int = 256, isCancelled: CancellationCheck? = nil
    ) throws -> Scores {
        try split.requireExamples()
        let predicted = try outputs(network, inputs: split.inputs, batchSize: batchSize, isCancelled: isCancelled)
        switch split {
        case .forecasting(let part):
            return .regression(try Metrics.regression(target: part.targets, prediction: predicted))
        case .classification(let part):
            return .classification(accuracy: try Metrics.accuracy(labels: part.labels, scores: predicted))
        }
    }

    /// Forecasts for `inputs` ([N, window, variates] in original units, or a split's windows
    /// with `normalized: true`) mapped back to original units with the normalization of the
    /// data the network trained on. Classification gives class scores [N, classes].
    public static func predict(
        _ network: Network, inputs: Tensor, normalized: Bool, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        guard let normalizer = network.dataNormalizer else {
            return try outputs(network, inputs: inputs, isCancelled: isCancelled)
        }
        guard inputs.shape.last == normalizer.offset.count else {
            throw EngineError.shape(operation: "predict (last axis = variates)", first: inputs.shape, second: [normalizer.offset.count])
        }
        let scaled = normalized ? inputs : try Tensor(shape: inputs.shape, scalars: normalizer.apply(inputs.scalars))
        return try normalizer.inverse(try outputs(network, inputs: scaled, isCancelled: isCancelled))
    }

    /// 0..<count in consecutive runs of at most `size`.
    static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        let size = Swift.max(size, 1)
        return stride(from: 0, to: count, by: size).map { $0..<Swift.min($0 + size, count) }
    }
}

/// What `Evaluation.evaluate` reports, by task.
public enum Scores: Equatable, Sendable {
    case regression(RegressionScores)
    case classification(accuracy: Double)

    /// (name, value) pairs in the order tables show them: r2, rse, mse, mae — or accuracy.
    public var named: [(name: String, value: Double)] {
        switch self {
        case .regression(let scores):
            return [("r2", scores.r2), ("rse", scores.rse), ("mse", scores.mse), ("mae", scores.mae)]
        case .classification(let accuracy):
            return [("accuracy", accuracy)]
        }
    }
}
