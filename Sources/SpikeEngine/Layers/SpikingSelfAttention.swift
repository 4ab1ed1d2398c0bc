/// Spikformer's spiking self-attention without softmax (docs/science.md §4), on [T, B, L, D]:
///
///     Q, K, V = LIF(BN(Linear(x)))                 each [T, B, L, D], split into `heads`
///     attention = (Q Kᵀ) · scale                    [T, B, heads, L, L], no softmax
///     y = LIF(BN(Linear(LIF_{V_th=0.5}(attention V))))
///
/// Q, K and V are binary, so QKᵀ counts coincident spikes. Without a softmax the product
/// reassociates: (Q Kᵀ) V = Q (Kᵀ V), computed in that order — exact for spikes (integer
/// sums), and no L × L matrix (`Tape.spikingAttention`, heads read in place; a neuron other than
/// a LIF runs after `Tape.attentionProduct`). Each BN → LIF pair runs fused in training (`BatchNorm.forward(_:firing:in:)`).
/// Cost: 4 linear layers plus 4·T·B·L·D²/heads flops.
public struct SpikingSelfAttention: Layer {
    public var query: Linear, key: Linear, value: Linear, projection: Linear
    public var queryNorm: BatchNorm, keyNorm: BatchNorm, valueNorm: BatchNorm, projectionNorm: BatchNorm
    public let heads: Int
    public let scale: Float
    /// The neurons after Q, K, V, attention·V (threshold `attentionThreshold`) and the
    /// projection: copies of one neuron, each with its own trainable parameters.
    public var queryNeuron: any Neuron, keyNeuron: any Neuron, valueNeuron: any Neuron
    public var attentionNeuron: any Neuron, projectionNeuron: any Neuron

    /// Attention over `features` with `heads` heads (features must divide evenly);
    /// `attentionThreshold` is the threshold of the neuron after attention·V (0.5 in the reference).
    public init(
        features: Int, heads: Int = 8, scale: Float = 0.125, neuron: any Neuron, attentionThreshold: Double = 0.5,
        generator: inout SeededGenerator
    ) throws {
        guard heads >= 1, features % heads == 0 else {
            throw EngineError.value(argument: .heads, message: "must divide the \(features) features evenly, got \(heads)")
        }
        query = try Linear(inputs: features, outputs: features, generator: &generator)
        key = try Linear(inputs: features, outputs: features, generator: &generator)
        value = try Linear(inputs: features, outputs: features, generator: &generator)
        projection = try Linear(inputs: features, outputs: features, generator: &generator)
        queryNorm = try BatchNorm(features: features)
        keyNorm = try BatchNorm(features: features)
        valueNorm = try BatchNorm(features: features)
        projectionNorm = try BatchNorm(features: features)
        self.heads = heads
        self.scale = scale
        queryNeuron = neuron
        keyNeuron = neuron
        valueNeuron = neuron
        attentionNeuron = try neuron.withThreshold(attentionThreshold)
        projectionNeuron = neuron
    }

    /// Every part with parameters, in binding order.
    private var parts: [any Layer] {
        [
            query, queryNorm, queryNeuron, key, keyNorm, keyNeuron, value, valueNorm, valueNeuron, attentionNeuron,
            projection, projectionNorm, projectionNeuron
        ]
    }

    public var parameters: [Tensor] {
        get { parts.flatMap(\.parameters) }
        set {
            var rest = newValue[...]
            func take(_ n: Int) -> [Tensor] {
                defer { rest = rest.dropFirst(n) }
                return Array(rest.prefix(n))
            }
            query.parameters = take(query.parameters.count)
            queryNorm.parameters = take(2)
            queryNeuron.parameters = take(queryNeuron.parameters.count)
            key.parameters = take(key.parameters.count)
            keyNorm.parameters = take(2)
            keyNeuron.parameters = take(keyNeuron.parameters.count)
            value.parameters = take(value.parameters.count)
            valueNorm.parameters = take(2)
            valueNeuron.parameters = take(valueNeuron.parameters.count)
            attentionNeuron.parameters = take(attentionNeuron.parameters.count)
            projection.parameters = take(projection.parameters.count)
            projectionNorm.parameters = take(2)
            projectionNeuron.parameters = take(projectionNeuron.parameters.count)
        }
    }

    public var buffers: [Tensor] {
        get { [queryNorm, keyNorm, valueNorm, projectionNorm].flatMap(\.buffers) }
        set {
            queryNorm.buffers = Array(newValue[0..<2])
            keyNorm.buffers = Array(newValue[2..<4])
            valueNorm.buffers = Array(newValue[4..<6])
            projectionNorm.buffers = Array(newValue[6..<8])
        }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank == 4, input.shape[3] == query.inputs else {
            throw EngineError.shape(operation: "ssa", first: input.shape, second: [-1, -1, -1, query.inputs])
        }
        // Parameters are bound in the order of `parameters`: q, bn, neuron, k, …, attention neuron, proj, bn, neuron.
        func spikes(_ linear: Linear, _ norm: BatchNorm, _ neuron: any Neuron) throws -> Variable {
            try norm.forward(try linear.forward(input, in: context), firing: neuron, in: context)
        }
        let q = try spikes(query, queryNorm, queryNeuron)
        let k = try spikes(key, keyNorm, keyNeuron)
        let v = try spikes(value, valueNorm, valueNeuron)
        let fired: Variable
        if let lif = attentionNeuron.equivalentLIF {
            fired = try context.tape.spikingAttention(
                query: q, key: k, value: v, heads: heads, scale: scale,
                neuron: lif, budget: context.budget)
        } else {
            let product = try context.tape.attentionProduct(
                query: q, key: k, value: v, heads: heads, scale: scale,
                budget: context.budget)
            fired = try attentionNeuron.forward(product, in: context)
        }
        return try projectionNorm.forward(try projection.forward(fired, in: context), firing: projectionNeuron, in: context)
    }
}
