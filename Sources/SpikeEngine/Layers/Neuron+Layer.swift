/// Every neuron is a layer: it runs over axis 0 (time) of its input, one neuron per entry, from
/// the resting membrane on every forward pass, binding its trainable tensors (PLIF's w) first.
/// `LIF` overrides this with its fused kernel.
extension Neuron {
    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        let bound = parameters.map { context.bind($0) }
        return try context.tape.spiking(input, neuron: self, parameters: bound)
    }
}
