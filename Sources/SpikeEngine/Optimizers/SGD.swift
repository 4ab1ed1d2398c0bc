/// Stochastic gradient descent with momentum (PyTorch's form):
/// v ← μ·v + (g + λ·θ);  θ ← θ − lr·v.
public struct SGD: Optimizer {
    public let learningRate: Float
    public let momentum: Float
    public let weightDecay: Float
    private var velocities: [Tensor] = []

    public init(learningRate: Float, momentum: Float = 0.9, weightDecay: Float = 0) throws {
        guard learningRate.isFinite, learningRate > 0 else {
            throw EngineError.value(argument: .learningRate, message: "must be a finite positive number, got \(learningRate)")
        }
        guard momentum >= 0, momentum < 1 else {
            throw EngineError.value(argument: .momentum, message: "must lie in [0, 1), got \(momentum)")
        }
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try checkShapes(parameters, gradients)
        if velocities.isEmpty { velocities = gradients.map { $0.map { _ in 0 } } }
        for index in parameters.indices {
            let decayed =
                weightDecay == 0
                ? gradients[index]
                : gradients[index].zipMap(parameters[index]) { $0 + weightDecay * $1 }
            velocities[index] = velocities[index].zipMap(decayed) { momentum * $0 + $1 }
            parameters[index] = parameters[index].zipMap(velocities[index]) { $0 - learningRate * $1 }
        }
    }
}
