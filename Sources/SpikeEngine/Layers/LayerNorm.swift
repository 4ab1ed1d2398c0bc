/// Layer normalization over the last axis with a learned scale (1) and shift (0).
public struct LayerNorm: Layer {
    public var scale: Tensor
    public var shift: Tensor
    public let epsilon: Float

    public init(features: Int, epsilon: Float = 1e-5) throws {
        guard features >= 1 else {
            throw EngineError.value(argument: .features, message: "must be at least 1, got \(features)")
        }
        scale = try Tensor.ones([features])
        shift = try Tensor.zeros([features])
        self.epsilon = epsilon
    }

    public var parameters: [Tensor] {
        get { [scale, shift] }
        set { (scale, shift) = (newValue[0], newValue[1]) }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.layerNorm(input, scale: context.bind(scale), shift: context.bind(shift), epsilon: epsilon)
    }
}
