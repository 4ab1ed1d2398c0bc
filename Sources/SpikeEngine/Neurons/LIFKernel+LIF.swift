import SpikeKernels

extension LIFKernel {
    /// The fused kernel of `neuron`'s configuration (Float32 parameters).
    init(_ neuron: LIF) {
        self.init(
            beta: Float(neuron.beta), leak: Float(neuron.leak), threshold: Float(neuron.threshold),
            decayInput: neuron.decayInput, hardReset: neuron.reset == .zero, atOrAbove: neuron.firing == .atOrAbove,
            detachReset: neuron.detachReset, surrogate: SurrogateKernel(neuron.surrogate))
    }
}
