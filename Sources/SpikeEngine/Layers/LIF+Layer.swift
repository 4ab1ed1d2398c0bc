/// A LIF layer runs as the fused kernel (`Tape.lif`) over axis 0 (time) of its input, one neuron per entry,
/// state starting at 0 on every forward pass.
extension LIF {
    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.lif(input, neuron: self)
    }
}
