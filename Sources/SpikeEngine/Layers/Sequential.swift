/// Layers applied one after another (the language's `a >> b`).
///
/// A layer directly followed by a neuron runs as one fused op where it can (`NeuronFusable`):
/// the same values, less memory kept for the backward or less time in inference.
public struct Sequential: Layer {
    public var layers: [any Layer]

    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    public var parameters: [Tensor] {
        get { layers.flatMap(\.parameters) }
        set {
            var start = 0
            for index in layers.indices {
                let count = layers[index].parameters.count
                layers[index].parameters = Array(newValue[start..<(start + count)])
                start += count
            }
        }
    }

    public var buffers: [Tensor] {
        get { layers.flatMap(\.buffers) }
        set {
            var start = 0
            for index in layers.indices {
                let count = layers[index].buffers.count
                layers[index].buffers = Array(newValue[start..<(start + count)])
                start += count
            }
        }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        var x = input
        var index = 0
        while index < layers.count {
            try context.checkCancellation()
            if let fusable = layers[index] as? any NeuronFusable, index + 1 < layers.count, let neuron = layers[index + 1] as? any Neuron {
                x = try fusable.forward(x, firing: neuron, in: context)
                index += 2
            } else {
                x = try layers[index].forward(x, in: context)
                index += 1
            }
        }
        return x
    }
}
