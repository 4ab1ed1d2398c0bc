import Foundation

/// Adam, and AdamW when `decoupledWeightDecay` is set:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂;
/// weight decay λ adds λθ to g (Adam) or subtracts lr·λ·θ from θ (AdamW).
public struct Adam: Optimizer {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    public let decoupledWeightDecay: Bool
    private var first: [Tensor] = []
    private var second: [Tensor] = []
    private var steps = 0

    public init(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0, decoupledWeightDecay: Bool = false
    ) throws {
        guard learningRate.isFinite, learningRate > 0 else {
            throw EngineError.value(argument: .learningRate, message: "must be a finite positive number, got \(learningRate)")
        }
        guard beta1 >= 0, beta1 < 1, beta2 >= 0, beta2 < 1 else {
            throw EngineError.value(argument: .betas, message: "must lie in [0, 1), got (\(beta1), \(beta2))")
        }
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try checkShapes(parameters, gradients)
        if first.isEmpty {
            first = gradients.map { $0.map { _ in 0 } }
            second = first
        }
        steps += 1
        let correction1 = 1 - Float(Foundation.pow(Double(beta1), Double(steps)))
        let correction2 = 1 - Float(Foundation.pow(Double(beta2), Double(steps)))
        let (b1, b2, lr, eps, decay) = (beta1, beta2, learningRate, epsilon, weightDecay)
        for index in parameters.indices {
            var gradient = gradients[index]
            if decay != 0, !decoupledWeightDecay {
                gradient = gradient.zipMap(parameters[index]) { $0 + decay * $1 }
            }
            first[index] = first[index].zipMap(gradient) { b1 * $0 + (1 - b1) * $1 }
            second[index] = second[index].zipMap(gradient) { b2 * $0 + (1 - b2) * $1 * $1 }
            var parameter = parameters[index]
            if decay != 0, decoupledWeightDecay {
                parameter = parameter.map { $0 - lr * decay * $0 }
            }
            let step = first[index].zipMap(second[index]) { m, v in
                lr * (m / correction1) / ((v / correction2).squareRoot() + eps)
            }
            parameters[index] = parameter.zipMap(step, -)
        }
    }
}
