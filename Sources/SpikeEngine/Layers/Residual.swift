/// x + inner(x): a residual connection; `inner` must keep the shape.
public struct Residual: Layer {
    public var inner: any Layer

    public init(_ inner: any Layer) {
        self.inner = inner
    }

    public var parameters: [Tensor] {
        get { inner.parameters }
        set { inner.parameters = newValue }
    }

    public var buffers: [Tensor] {
        get { inner.buffers }
        set { inner.buffers = newValue }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        let output = try inner.forward(input, in: context)
        guard output.shape == input.shape else {
            throw EngineError.shape(operation: "residual", first: input.shape, second: output.shape)
        }
        return try context.tape.add(input, output)
    }
}
