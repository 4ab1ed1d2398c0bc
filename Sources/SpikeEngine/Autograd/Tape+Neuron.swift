/// Any spiking neuron on the tape: the generic multi-step forward and its BPTT backward, from
/// the neuron's own Float64 step (LIF layers take the fused `lif(_:neuron:)` instead).
extension Tape {
    /// Spikes of `neuron` over `input` of shape [T, ...] (time first, state starting at the
    /// resting membrane), with the neuron's trainable tensors bound as `parameters` (in the
    /// order of `neuron.parameters`).
    ///
    /// Backward (see `Neuron`): dL/dH[t] = dL/dS[t]·g'(H − V_th) + dL/dV[t]·dV[t]/dH[t], then
    /// dL/dX[t] = dL/dH[t]·∂H/∂X, dL/dV[t-1] = dL/dH[t]·∂H/∂V and dL/dθ = Σ_t dL/dH[t]·∂H/∂θ.
    /// Recording keeps the T·N charges and previous membranes (Float64); inference keeps
    /// nothing. Cost: O(count) neuron steps each way.
    public func spiking<N: Neuron>(_ input: Variable, neuron: N, parameters: [Variable]) throws -> Variable {
        guard input.value.rank >= 1 else {
            throw EngineError.shape(operation: neuron.builtinName, first: input.shape, second: [-1])
        }
        let shape = input.shape
        let count = input.value.count
        let steps = shape[0]
        let neurons = steps == 0 ? 0 : count / steps
        let keeps = isRecording && (input.isDifferentiable || parameters.contains(where: \.isDifferentiable))
        let x = input.value.scalars
        var spikes = [Float](repeating: 0, count: count)
        var charges = [Double](repeating: 0, count: keeps ? count : 0)
        var previous = [Double](repeating: 0, count: keeps ? count : 0)
        var membrane = [Double](repeating: neuron.restingMembrane, count: neurons)
        for t in 0..<steps {
            for j in 0..<neurons {
                let i = t * neurons + j
                let result = neuron.step(input: Double(x[i]), membrane: membrane[j])
                if keeps {
                    previous[i] = membrane[j]
                    charges[i] = result.charge
                }
                spikes[i] = result.spike ? 1 : 0
                membrane[j] = result.membrane
            }
        }
        let output = Tensor(unchecked: shape, scalars: spikes)
        guard keeps else { return constant(output) }
        let parameterShapes = parameters.map(\.shape)
        return record(output, inputs: [input] + parameters) { [spikes, charges, previous] gradient in
            var inputGradient = [Float](repeating: 0, count: count)
            var membraneGradient = [Double](repeating: 0, count: neurons)
            var parameterGradient = [Double](repeating: 0, count: parameterShapes.reduce(0) { $0 + $1.reduce(1, *) })
            for t in stride(from: steps - 1, through: 0, by: -1) {
                for j in 0..<neurons {
                    let i = t * neurons + j
                    let h = charges[i]
                    let slope = neuron.surrogate.derivative(at: h - neuron.threshold)
                    let dh =
                        Double(gradient.scalars[i]) * slope
                        + membraneGradient[j] * neuron.membraneDerivative(charge: h, spiked: spikes[i] == 1, slope: slope)
                    let partials = neuron.chargePartials(membrane: previous[i], input: Double(x[i]))
                    inputGradient[i] = Float(dh * partials.input)
                    membraneGradient[j] = dh * partials.membrane
                    for k in parameterGradient.indices {
                        parameterGradient[k] += dh * partials.parameters[k]
                    }
                }
            }
            var gradients: [Tensor?] = [Tensor(unchecked: shape, scalars: inputGradient)]
            var start = 0
            for parameterShape in parameterShapes {
                let size = parameterShape.reduce(1, *)
                gradients.append(Tensor(unchecked: parameterShape, scalars: parameterGradient[start..<(start + size)].map { Float($0) }))
                start += size
            }
            return gradients
        }
    }
}
