/// Every neuron is a layer: it runs over axis 0 (time) of its input, one neuron per entry, from
/// the resting membrane on every forward pass, binding its trainable tensors (PLIF's w) first.
/// A neuron with an `equivalentLIF` runs the fused LIF kernel instead.
extension Neuron {
    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        if let lif = equivalentLIF { return try context.tape.lif(input, neuron: lif) }
        let bound = parameters.map { context.bind($0) }
        return try context.tape.spiking(input, neuron: self, parameters: bound)
    }
}
