import SpikeKernels

/// An affine map followed by a spiking neuron, as one inference op.
extension Tape {
    /// LIF(x·W + b [+ positions]) over x of shape [T, ..., in] (time first): the values of
    /// `linear(_:weight:bias:positions:)` then `lif(_:neuron:)`.
    ///
    /// A recording tape runs exactly those two ops. Without recording (inference) the rows are
    /// taken in blocks of a few (time step × row) pairs: each block's affine outputs for all T
    /// steps are computed into a small buffer (accumulating spikes, or one GEMM for dense
    /// inputs), the neuron runs over it, and only the spikes are written out, so the real-valued
    /// [T, ..., out] tensor never exists. Cost: that of the linear plus O(T·rows·out).
    public func linearLIF(
        _ x: Variable, weight: Variable, bias: Variable?, positions: Variable? = nil, neuron: LIF
    ) throws -> Variable {
        let differentiable = [x, weight, bias, positions].contains { $0?.isDifferentiable ?? false }
        // A rank-1 x has no time axis of its own (the neuron would run along the outputs).
        if (isRecording && differentiable) || x.value.rank < 2 {
            return try lif(linear(x, weight: weight, bias: bias, positions: positions), neuron: neuron)
        }
        let (inputs, outputs) = try Self.linearSizes(x, weight: weight, bias: bias)
        let layout = try positions.map { try PositionRows(input: x.shape, table: $0.shape, outputs: outputs) }
        let block = FiringLinearBlocks(
            steps: x.shape[0], rows: x.value.count / Swift.max(inputs, 1) / Swift.max(x.shape[0], 1),
            inputs: inputs, outputs: outputs, length: layout?.length ?? 1, kernel: LIFKernel(neuron))
        let spikes = block.run(
            x.value.scalars, weight.value.scalars, bias?.value.scalars, positions?.value.scalars,
            sparse: SpikeAccumulation.isSparse(x.value.scalars))
        return constant(Tensor(unchecked: Array(x.shape.dropLast()) + [outputs], scalars: spikes))
    }
}
