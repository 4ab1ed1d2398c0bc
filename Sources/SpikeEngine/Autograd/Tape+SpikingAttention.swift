import COpenBLAS
import SpikeKernels

/// Spikformer's attention product and the neuron after it, as one op on [T, B, L, D] tensors.
extension Tape {
    /// LIF(scale · Q_h (K_hᵀ V_h)) for every head h, where Q_h, K_h, V_h are the L × D/heads
    /// column blocks of `query`, `key` and `value` ([T, ..., L, D], time first): Spikformer's
    /// attention without softmax, reassociated so no L × L matrix is formed.
    ///
    /// Heads are read and written in place as strided GEMM operands (leading dimension D), so
    /// nothing is permuted or copied. The op keeps M_h = K_hᵀ V_h (D/heads per row, a third of
    /// an input at 4 heads of 16) and reads Q, K, V in the backward; the attention output and
    /// the charges are recomputed there. VJP with G = scale · dL/d(attention) (through the LIF's BPTT):
    /// dQ_h = G_h M_hᵀ, dM_h = Q_hᵀ G_h, dK_h = V_h dM_hᵀ, dV_h = K_h dM_h.
    /// Cost: 4·count·D/heads flops forward, twice that again backward.
    public func spikingAttention(
        query: Variable, key: Variable, value: Variable, heads: Int, scale: Float, neuron: LIF,
        budget: MemoryBudget = .standard
    ) throws -> Variable {
        let (layout, products) = try attentionOperands(query: query, key: key, value: value, heads: heads, budget: budget)
        let shape = query.shape
        let q = query.value.scalars
        let k = key.value.scalars
        let v = value.value.scalars
        let attention = layout.attention(q, products, scale: scale)
        let kernel = LIFKernel(neuron)
        let steps = shape[0]
        let neurons = steps == 0 ? 0 : layout.count / steps
        let spikes = [Float](unsafeUninitializedCapacity: layout.count) { buffer, initialized in
            attention.withUnsafeBufferPointer { x in
                kernel.forward(input: x, spikes: buffer, charges: nil, steps: steps, neurons: neurons)
            }
            initialized = layout.count
        }
        return record(Tensor(unchecked: shape, scalars: spikes), inputs: [query, key, value]) {
            [wantsQuery = query.isDifferentiable, wantsKeyValue = key.isDifferentiable || value.isDifferentiable] g in
            var gradient = layout.attention(q, products, scale: scale)
            gradient.withUnsafeMutableBufferPointer { buffer in
                g.scalars.withUnsafeBufferPointer { gs in
                    guard let incoming = gs.baseAddress, let x = buffer.baseAddress else { return }
                    kernel.inputGradient(
                        gradient: incoming, steps: steps, neurons: neurons, rowWidth: layout.features,
                        fill: {
                            start, width, block, stride in
                            for t in 0..<steps {
                                (block + t &* stride).update(from: x + (t &* neurons &+ start), count: width)
                            }
                        }, into: x)
                    KernelThreads.split(items: buffer.count, cost: 1, alignment: 1024) { first, count in
                        for index in first..<(first + count) { x[index] *= scale }
                    }
                }
            }
            let gq = wantsQuery ? layout.queryGradient(gradient, products) : nil
            let (gk, gv) = wantsKeyValue ? layout.keyValueGradients(q, k, v, gradient) : (nil, nil)
            return [
                gq.map { Tensor(unchecked: shape, scalars: $0) }, gk.map { Tensor(unchecked: shape, scalars: $0) },
                gv.map { Tensor(unchecked: shape, scalars: $0) }
            ]
        }
    }
}
