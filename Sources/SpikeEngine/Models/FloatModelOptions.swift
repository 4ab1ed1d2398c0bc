/// The float transformer baseline: Linear(C → dim) → [PE, added] → depth × (x + Attn(LN(x));
/// x + FFN(LN(x))) with softmax attention and FFN = Linear(dim → 4·dim) → ReLU → Linear →
/// LN → mean over L → Linear. Runs as one "time step" so the spiking layers' conventions apply.
public struct TransformerOptions: Equatable, Sendable {
    public let dim: Int
    public let depth: Int
    public let heads: Int
    public let encoding: PositionalEncoding
    public let hidden: Int

    /// Throws `.value` naming `dim`, `depth`, `heads` or `pe`.
    public init(
        dim: Int = 256, depth: Int = 2, heads: Int = 8, encoding: PositionalEncoding = .sinusoidal(base: 10_000),
        hidden: Int? = nil
    ) throws {
        try OptionCheck.atLeast(1, dim, .dim)
        try OptionCheck.atLeast(0, depth, .depth)
        try OptionCheck.heads(heads, divide: dim)
        try OptionCheck.atLeast(1, hidden ?? 4 * dim, .hidden)
        try encoding.validate()
        self.dim = dim
        self.depth = depth
        self.heads = heads
        self.encoding = encoding
        self.hidden = hidden ?? 4 * dim
    }
}

/// The float multilayer perceptron baseline: the window flattened → (Linear → ReLU) per
/// hidden width → Linear.
public struct MLPNetOptions: Equatable, Sendable {
    public let hidden: [Int]

    /// Throws `.value(argument: .hidden)` for a non-positive width.
    public init(hidden: [Int] = [128, 128]) throws {
        guard hidden.allSatisfy({ $0 >= 1 }) else {
            throw EngineError.value(argument: .hidden, message: "widths must be positive, got \(hidden)")
        }
        self.hidden = hidden
    }
}

extension StageBuilder {
    mutating func transformer(_ options: TransformerOptions, outputs: Int?) throws {
        try asSequence()
        try add("as one time step", AddTimeAxis())
        try linear(options.dim, name: "linear (embedding)")
        if options.encoding != .none {
            try positional(options.encoding, neuron: try LIF())
        }
        let d = options.dim
        for block in 0..<options.depth {
            let attention = Sequential([
                try LayerNorm(features: d), try SoftmaxAttention(features: d, heads: options.heads, generator: &generator)
            ])
            try add(
                "block \(block + 1): attention (residual)", Residual(attention),
                macs: 4 * rows * d * d + 2 * length * length * d)
            let feedForward = Sequential([
                try LayerNorm(features: d), try Linear(inputs: d, outputs: options.hidden, generator: &generator), ReLU(),
                try Linear(inputs: options.hidden, outputs: d, generator: &generator)
            ])
            try add("block \(block + 1): feed-forward (residual)", Residual(feedForward), macs: 2 * rows * d * options.hidden)
        }
        try add("layernorm", try LayerNorm(features: d))
        try readout(outputs: outputs)
    }

    mutating func mlpNet(_ options: MLPNetOptions, outputs: Int?) throws {
        if single.count > 2 { try add("flatten", Flatten(from: 1), gives: .same) }
        for width in options.hidden {
            try linear(width)
            try add("relu", ReLU())
        }
        if let outputs { try linear(outputs, name: "linear (head)") }
    }
}
