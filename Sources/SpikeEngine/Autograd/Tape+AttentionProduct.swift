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
        let (layout, products) = try attentionOperands(query: query, key: key, value: value, heads: heads, budget: budget)
        let shape = query.shape
        let q = query.value.scalars
        let k = key.value.scalars
        let v = value.value.scalars
        let output = Tensor(unchecked: shape, scalars: layout.attention(q, products, scale: scale))
        return record(output, inputs: [query, key, value]) {
            [wantsQuery = query.isDifferentiable, wantsKeyValue = key.isDifferentiable || value.isDifferentiable] g in
            let gradient = g.scalars.map { $0 * scale }
            let gq = wantsQuery ? layout.queryGradient(gradient, products) : nil
            let (gk, gv) = wantsKeyValue ? layout.keyValueGradients(q, k, v, gradient) : (nil, nil)
            return [
                gq.map { Tensor(unchecked: shape, scalars: $0) }, gk.map { Tensor(unchecked: shape, scalars: $0) },
                gv.map { Tensor(unchecked: shape, scalars: $0) }
            ]
        }
    }

    /// The head layout of Q, K, V (checked to share one shape [T, ..., L, D] with D divisible
    /// by `heads`, and to fit the budget) and M_h = K_hᵀ V_h for every head.
    func attentionOperands(
        query: Variable, key: Variable, value: Variable, heads: Int, budget: MemoryBudget
    ) throws -> (layout: AttentionLayout, products: [Float]) {
        let shape = query.shape
        guard shape.count >= 3, key.shape == shape, value.shape == shape, heads >= 1, shape[shape.count - 1] % heads == 0 else {
            throw EngineError.shape(
                operation: "spiking attention (Q, K, V of one shape [time, ..., length, features])",
                first: shape, second: key.shape == shape ? value.shape : key.shape)
        }
        let layout = AttentionLayout(shape: shape, heads: heads)
        try budget.check(scalars: layout.count + layout.productCount)
        return (layout, layout.keyValueProducts(key.value.scalars, value.value.scalars))
    }
}
