import SpikeKernels

/// Spiking neurons on the tape: the fused multi-step LIF forward and its BPTT backward.
extension Tape {
    /// Spikes of `neuron` over `input` of shape [T, ...] (time first, state starting at 0).
    ///
    /// Forward: Heaviside spikes. Backward: BPTT with `neuron.surrogate` (see `LIFKernel`).
    /// Recording keeps the T·N charges; inference keeps nothing. Cost: O(count).
    public func lif(_ input: Variable, neuron: LIF) throws -> Variable {
        guard input.value.rank >= 1 else {
            throw EngineError.shape(operation: "lif", first: input.shape, second: [-1])
        }
        guard isRecording, input.isDifferentiable else {
            return constant(try neuron.run(input.value))
        }
        let shape = input.shape
        let steps = shape[0]
        let neurons = steps == 0 ? 0 : input.value.count / steps
        let count = input.value.count
        let kernel = LIFKernel(neuron)
        var charges = [Float]()
        let spikes = [Float](unsafeUninitializedCapacity: count) { spikeBuffer, initialized in
            charges = [Float](unsafeUninitializedCapacity: count) { chargeBuffer, chargesInitialized in
                input.value.scalars.withUnsafeBufferPointer { x in
                    kernel.forward(input: x, spikes: spikeBuffer, charges: chargeBuffer, steps: steps, neurons: neurons)
                }
                chargesInitialized = count
            }
            initialized = count
        }
        return record(Tensor(unchecked: shape, scalars: spikes), inputs: [input]) { [charges] gradient in
            let inputGradient = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                gradient.scalars.withUnsafeBufferPointer { gs in
                    charges.withUnsafeBufferPointer { h in
                        spikes.withUnsafeBufferPointer { s in
                            kernel.backward(
                                gradient: gs, charges: h, spikes: s, inputGradient: buffer,
                                steps: steps, neurons: neurons)
                        }
                    }
                }
                initialized = count
            }
            return [Tensor(unchecked: shape, scalars: inputGradient)]
        }
    }
}
