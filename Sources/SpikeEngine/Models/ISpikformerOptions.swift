/// iSpikformer (docs/science.md §4): inverted tokens, one per variate. Each window is normalized
/// per variate (x − mean) / √(var + 1e-5) over its positions; encoder → [T, B, L, C] →
/// per variate Linear(L → dim) → BN → LIF → depth × Spikformer block → the last time step →
/// Linear(dim → horizon) per variate → de-normalized. Takes no positional encoding.
public struct ISpikformerOptions: Equatable, Sendable {
    public let dim: Int
    public let depth: Int
    public let heads: Int
    public let steps: Int
    public let encoder: SpikeEncoder.Kind
    /// The model's neuron (every neuron layer is a copy, with its own trainable parameters).
    public var neuron: any Neuron { storedNeuron.base }
    private let storedNeuron: AnyNeuron
    public let hidden: Int

    /// Throws `.value` naming `dim`, `depth`, `heads` or `steps`.
    public init(
        dim: Int = 256, depth: Int = 2, heads: Int = 8, steps: Int = 4, encoder: SpikeEncoder.Kind = .conv,
        neuron: any Neuron, hidden: Int? = nil
    ) throws {
        try OptionCheck.atLeast(1, dim, .dim)
        try OptionCheck.atLeast(0, depth, .depth)
        try OptionCheck.heads(heads, divide: dim)
        try OptionCheck.atLeast(1, steps, .steps)
        try OptionCheck.atLeast(1, hidden ?? 4 * dim, .hidden)
        self.dim = dim
        self.depth = depth
        self.heads = heads
        self.steps = steps
        self.encoder = encoder
        storedNeuron = AnyNeuron(neuron)
        self.hidden = hidden ?? 4 * dim
    }
}

extension StageBuilder {
    /// iSpikformer's stages; it forecasts every variate, so `outputs` must be horizon × variates.
    mutating func iSpikformer(_ options: ISpikformerOptions, outputs: Int?) throws {
        guard single.count == 3 else {
            throw EngineError.value(
                argument: .model,
                message:
                    "ispikformer forecasts each variate of a [length, variates] window; it cannot take inputs of shape \(Array(single.dropFirst()))"
            )
        }
        let variates = single[2]
        guard let outputs, outputs % variates == 0 else {
            throw EngineError.value(
                argument: .model,
                message:
                    "ispikformer predicts horizon × variates numbers, so it needs a forecasting task over the same \(variates) variates")
        }
        var inner = StageBuilder(example: Array(single.dropFirst()), generator: generator)
        try inner.encoder(options.encoder, steps: options.steps, neuron: options.neuron)
        try inner.add("invert (one token per variate)", Permute(axes: [0, 1, 3, 2]), gives: .same)
        try inner.linear(options.dim, name: "linear (length → dim)")
        try inner.add("batchnorm", try BatchNorm(features: options.dim))
        try inner.neuron(options.neuron)
        for block in 0..<options.depth {
            try inner.spikingAttention(
                heads: options.heads, scale: 0.125, neuron: options.neuron, residual: true,
                label: "block \(block + 1): ssa")
            try inner.mlpBlock(
                hidden: options.hidden, neuron: options.neuron, encoding: nil, residual: true,
                label: "block \(block + 1): mlp")
        }
        try inner.add("last time step", LastStep(), gives: .same)
        try inner.linear(outputs / variates, name: "linear (head, per variate)")
        generator = inner.generator
        let wrapped = WindowNormalized(inner: Sequential(inner.stages.map(\.layer)))
        try add(
            "ispikformer (per-window normalized)", wrapped,
            neurons: inner.stages.reduce(0) { $0 + $1.neurons }, macs: inner.stages.reduce(0) { $0 + $1.macs },
            parts: inner.stages)
    }
}

/// Runs `inner` on windows normalized per variate and maps its per-variate forecasts back:
/// x̂ = (x − μ)/σ over the L positions of each (window, variate), σ = √(var + 1e-5);
/// `inner` maps [B, L, C] to [B, C, H]; the result is [B, H, C]·σ + μ (RevIN, as the
/// reference's iSpikformer runner does).
struct WindowNormalized: Layer {
    var inner: Sequential

    var parameters: [Tensor] {
        get { inner.parameters }
        set { inner.parameters = newValue }
    }

    var buffers: [Tensor] {
        get { inner.buffers }
        set { inner.buffers = newValue }
    }

    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank == 3 else {
            throw EngineError.shape(operation: "ispikformer", first: input.shape, second: [-1, -1, -1])
        }
        let (b, c) = (input.shape[0], input.shape[2])
        let mean = try input.value.mean(axis: 1).reshaped([b, 1, c])
        let centred = try input.value - mean
        let variance = try (centred * centred).mean(axis: 1).reshaped([b, 1, c])
        let deviation = variance.map { ($0 + 1e-5).squareRoot() }
        let tape = context.tape
        let normalized = try tape.divide(tape.subtract(input, tape.constant(mean)), tape.constant(deviation))
        let forecast = try tape.permute(inner.forward(normalized, in: context), [0, 2, 1])  // [B, H, C]
        return try tape.add(tape.multiply(forecast, tape.constant(deviation)), tape.constant(mean))
    }
}
