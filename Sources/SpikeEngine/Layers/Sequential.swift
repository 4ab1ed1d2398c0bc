/// Layers applied one after another (the language's `a >> b`).
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
        for layer in layers {
            try context.checkCancellation()
            x = try layer.forward(x, in: context)
        }
        return x
    }
}
