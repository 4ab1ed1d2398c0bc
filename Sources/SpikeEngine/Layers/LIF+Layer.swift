/// A neuron is also a layer: it runs over axis 0 (time) of its input, one neuron per entry,
/// state starting at 0 on every forward pass.
extension LIF: Layer {
    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.lif(input, neuron: self)
    }
}
