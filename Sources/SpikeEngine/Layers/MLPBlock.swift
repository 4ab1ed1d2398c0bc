/// Spikformer's MLP block: Linear(D → hidden) → BN → LIF → Linear(hidden → D) → BN → LIF.
public struct MLPBlock: Layer {
    public var body: Sequential

    public init(features: Int, hidden: Int, neuron: any Neuron, generator: inout SeededGenerator) throws {
        body = Sequential([
            try Linear(inputs: features, outputs: hidden, generator: &generator),
            try BatchNorm(features: hidden),
            neuron,
            try Linear(inputs: hidden, outputs: features, generator: &generator),
            try BatchNorm(features: features),
            neuron
        ])
    }

    public var parameters: [Tensor] {
        get { body.parameters }
        set { body.parameters = newValue }
    }

    public var buffers: [Tensor] {
        get { body.buffers }
        set { body.buffers = newValue }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try body.forward(input, in: context)
    }
}
