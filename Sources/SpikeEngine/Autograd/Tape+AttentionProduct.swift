import SpikeKernels

/// Spikformer's attention product without the neuron after it, for neurons without a fused
/// attention kernel (`spikingAttention` fuses a LIF).
extension Tape {
    /// scale · Q_h (K_hᵀ V_h) for every head h, on [T, ..., L, D] tensors of one shape: the
    /// input of `spikingAttention`'s neuron (same layout, same products, no L × L matrix).
    /// VJP with G = scale · dL/d(output): dQ_h = G_h M_hᵀ, dK_h = V_h (Q_hᵀ G_h)ᵀ, dV_h = K_h Q_hᵀ G_h.
    /// Cost: 4·count·D/heads flops forward, twice that again backward.
    public func attentionProduct(
        query: Variable, key: Variable, value: Variable, heads: Int, scale: Float, budget: MemoryBudget = .standard
    ) throws -> Variable {
        let shape = query.shape
        guard shape.count >= 3, key.shape == shape, value.shape == shape, heads >= 1, shape[shape.count - 1] % heads == 0 else {
            throw EngineError.shape(operation: "spiking attention (Q, K, V of one shape [time, ..., length, features])",
                                    first: shape, second: key.shape == shape ? value.shape : key.shape)
        }
        let layout = AttentionLayout(shape: shape, heads: heads)
        try budget.check(scalars: layout.count + layout.productCount)
        let q = query.value.scalars, k = key.value.scalars, v = value.value.scalars
        let products = layout.keyValueProducts(k, v)
        let output = Tensor(unchecked: shape, scalars: layout.attention(q, products, scale: scale))
        return record(output, inputs: [query, key, value]) {
            [wantsQuery = query.isDifferentiable, wantsKeyValue = key.isDifferentiable || value.isDifferentiable] g in
            let gradient = g.scalars.map { $0 * scale }
            let gq = wantsQuery ? layout.queryGradient(gradient, products) : nil
            let (gk, gv) = wantsKeyValue ? layout.keyValueGradients(q, k, v, gradient) : (nil, nil)
            return [gq.map { Tensor(unchecked: shape, scalars: $0) }, gk.map { Tensor(unchecked: shape, scalars: $0) },
                    gv.map { Tensor(unchecked: shape, scalars: $0) }]
        }
    }
}
