import SpikeKernels

/// Running a neuron layer over a tensor whose first axis is time: [T, ...] → spikes [T, ...].
extension LIF {
    /// The spikes (0/1) of one neuron per entry of `input[t]`, with the state starting at 0;
    /// time is axis 0. Inference only (nothing is kept for a backward). Cost: O(count).
    public func run(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 1 else {
            throw EngineError.shape(operation: "lif", first: input.shape, second: [-1])
        }
        let steps = input.shape[0]
        let neurons = steps == 0 ? 0 : input.count / steps
        let kernel = LIFKernel(self)
        let spikes = [Float](unsafeUninitializedCapacity: input.count) { buffer, initialized in
            input.scalars.withUnsafeBufferPointer { x in
                kernel.forward(input: x, spikes: buffer, charges: nil, steps: steps, neurons: neurons)
            }
            initialized = input.count
        }
        return Tensor(unchecked: input.shape, scalars: spikes)
    }
}
