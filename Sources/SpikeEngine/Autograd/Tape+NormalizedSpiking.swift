import SpikeKernels

/// Training-mode batch normalization followed by a spiking neuron, as one op that keeps only x̂.
extension Tape {
    /// LIF(BN(x)) in training mode on [T, ..., features] (time first): the same values as
    /// `batchNorm(_:scale:shift:epsilon:)` then `lif(_:neuron:)`, with the batch statistics.
    ///
    /// The pair would keep x̂, the normalized output and the T·N charges for its backward;
    /// this op keeps x̂ alone and recomputes γ·x̂ + β and the charges block by block in the
    /// backward (the same arithmetic, so the same gradients), and its forward never holds the
    /// normalized output whole. VJP: the LIF's BPTT (see `LIFKernel`) into dL/dy, then the
    /// batch-norm VJP, computed in place. Cost: O(count) time; O(count) saved.
    public func batchNormLIF(
        _ input: Variable, scale: Variable, shift: Variable, epsilon: Float, neuron: LIF
    ) throws -> (output: Variable, statistics: BatchStatistics) {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 2, scale.shape == [features], shift.shape == [features] else {
            throw EngineError.shape(operation: "batchnorm", first: input.shape, second: scale.shape)
        }
        let shape = input.shape
        let count = input.value.count
        let rows = count / Swift.max(features, 1)
        let steps = shape[0]
        let neurons = steps == 0 ? 0 : count / steps
        let (normalized, mean, variance) = Self.normalize(input.value, rows: rows, features: features, epsilon: epsilon, perRow: false)
        let unbiased = variance.map { $0 * Float(rows) / Float(Swift.max(rows - 1, 1)) }
        let statistics = BatchStatistics(mean: mean, unbiasedVariance: unbiased)
        let kernel = LIFKernel(neuron)
        let xhat = normalized.xhat.scalars
        let gamma = scale.value.scalars
        let beta = shift.value.scalars
        let spikes = xhat.withUnsafeBufferPointer { xs in
            kernel.spikes(steps: steps, neurons: neurons, rowWidth: features) { start, width, block, stride in
                NormalizationRows.affineBlock(
                    xs.baseAddress, gamma, beta, start: start, width: width, steps: steps, neurons: neurons,
                    features: features, into: block, stride: stride)
            }
        }
        let output = record(Tensor(unchecked: shape, scalars: spikes), inputs: [input, scale, shift]) {
            [inverse = normalized.inverse] g in
            var gradient = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                g.scalars.withUnsafeBufferPointer { gs in
                    xhat.withUnsafeBufferPointer { xs in
                        guard let incoming = gs.baseAddress, let result = buffer.baseAddress else { return }
                        kernel.inputGradient(
                            gradient: incoming, steps: steps, neurons: neurons, rowWidth: features,
                            fill: {
                                start, width, block, stride in
                                NormalizationRows.affineBlock(
                                    xs.baseAddress, gamma, beta, start: start, width: width, steps: steps,
                                    neurons: neurons, features: features, into: block, stride: stride)
                            }, into: result)
                    }
                }
                initialized = count
            }
            let (gScale, gShift) = gradient.withUnsafeMutableBufferPointer { gy in
                xhat.withUnsafeBufferPointer { xs in
                    Self.normalizationBackward(
                        UnsafePointer(gy.baseAddress), xhat: xs.baseAddress, into: gy.baseAddress, inverseDeviation: inverse,
                        scale: gamma, rows: rows, features: features, perRow: false)
                }
            }
            return [Tensor(unchecked: shape, scalars: gradient), gScale, gShift]
        }
        return (output, statistics)
    }
}
