/// A layer that can run together with the spiking neuron right after it as one op, with the
/// same values as the two layers in turn: a batch norm in training (`Tape.batchNormLIF`
/// keeps less for the backward), an affine map in inference (`Tape.linearLIF` never forms
/// the real-valued output). `Sequential` and `Network` use it for every (layer, neuron) pair;
/// only a neuron with an `equivalentLIF` fuses, any other runs after the layer as its own op.
protocol NeuronFusable: Layer {
    /// `neuron` applied to this layer's output.
    func forward(_ input: Variable, firing neuron: any Neuron, in context: ForwardContext) throws -> Variable
}

extension BatchNorm: NeuronFusable {}

extension Linear: NeuronFusable {
    public func forward(_ input: Variable, firing neuron: any Neuron, in context: ForwardContext) throws -> Variable {
        guard let lif = neuron.equivalentLIF else {
            return try neuron.forward(try forward(input, in: context), in: context)
        }
        let w = context.bind(weight)
        let b = bias.map { context.bind($0) }
        return try context.tape.linearLIF(input, weight: w, bias: b, neuron: lif)
    }
}
