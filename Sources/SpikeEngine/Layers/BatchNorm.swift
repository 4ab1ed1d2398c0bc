/// Batch normalization over the feature (last) axis, statistics over every other axis
/// (PyTorch's BatchNorm1d on (T·B·L, D) tokens, as SeqSNN applies it).
///
/// Training normalizes with the batch mean and biased variance and moves the running
/// averages: running ← (1 − momentum)·running + momentum·batch (unbiased variance).
/// Inference normalizes with the running averages. γ starts at 1, β at 0.
public struct BatchNorm: Layer {
    public var scale: Tensor
    public var shift: Tensor
    public var runningMean: Tensor
    public var runningVariance: Tensor
    public let momentum: Float
    public let epsilon: Float

    public init(features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) throws {
        guard features >= 1 else {
            throw EngineError.value(argument: .features, message: "must be at least 1, got \(features)")
        }
        guard momentum >= 0, momentum <= 1 else {
            throw EngineError.value(argument: .momentum, message: "must lie in [0, 1], got \(momentum)")
        }
        scale = try Tensor.ones([features])
        shift = try Tensor.zeros([features])
        runningMean = try Tensor.zeros([features])
        runningVariance = try Tensor.ones([features])
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var parameters: [Tensor] {
        get { [scale, shift] }
        set { (scale, shift) = (newValue[0], newValue[1]) }
    }

    public var buffers: [Tensor] {
        get { [runningMean, runningVariance] }
        set { (runningMean, runningVariance) = (newValue[0], newValue[1]) }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        let gamma = context.bind(scale)
        let beta = context.bind(shift)
        let tape = context.tape
        if context.isTraining {
            let (output, statistics) = try tape.batchNorm(input, scale: gamma, shift: beta, epsilon: epsilon)
            let keep = 1 - momentum
            context.updateBuffer(runningMean.zipMap(statistics.mean) { keep * $0 + momentum * $1 })
            context.updateBuffer(runningVariance.zipMap(statistics.unbiasedVariance) { keep * $0 + momentum * $1 })
            return output
        }
        return try tape.batchNorm(
            input, scale: gamma, shift: beta, mean: runningMean, variance: runningVariance,
            epsilon: epsilon)
    }
}

extension BatchNorm {
    /// `neuron` applied to this batch norm's output: in training one fused op that keeps only
    /// x̂ for the backward (`Tape.batchNormLIF`), in inference the two layers one after the
    /// other (and so does a neuron without an `equivalentLIF`). Parameters are bound and buffers reported exactly as `forward(_:in:)` does.
    public func forward(_ input: Variable, firing neuron: any Neuron, in context: ForwardContext) throws -> Variable {
        guard context.isTraining, let lif = neuron.equivalentLIF else {
            return try neuron.forward(try forward(input, in: context), in: context)
        }
        let gamma = context.bind(scale)
        let beta = context.bind(shift)
        let (output, statistics) = try context.tape.batchNormLIF(input, scale: gamma, shift: beta, epsilon: epsilon, neuron: lif)
        let keep = 1 - momentum
        context.updateBuffer(runningMean.zipMap(statistics.mean) { keep * $0 + momentum * $1 })
        context.updateBuffer(runningVariance.zipMap(statistics.unbiasedVariance) { keep * $0 + momentum * $1 })
        return output
    }
}
