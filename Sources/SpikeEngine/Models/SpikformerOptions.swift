/// Spikformer (docs/science.md §4): encoder → [PE] → Linear(C[+n] → dim) → LIF →
/// depth × (x + SSA(x); x + MLP(x)) → mean over T → mean over L → Linear to the outputs.
///
/// `encodingInMLP` (CPG-PE only) also feeds a code into both linears of every MLP block,
/// the reference's `SpikformerCPG` variant: Linear(h) + W_p·P[t·L + l], with P the fixed
/// `mlpEncoding` (n = 10, tau = 10⁴, whatever `encoding` is, as the reference's default
/// `CPG()`; docs/science.md §6).
public struct SpikformerOptions: Equatable, Sendable {
    public let dim: Int
    public let depth: Int
    public let heads: Int
    public let steps: Int
    public let encoder: SpikeEncoder.Kind
    public let encoding: PositionalEncoding
    /// The model's neuron (every neuron layer is a copy, with its own trainable parameters).
    public var neuron: any Neuron { storedNeuron.base }
    private let storedNeuron: AnyNeuron
    /// The MLP's hidden width (4·dim in the reference).
    public let hidden: Int
    public let encodingInMLP: Bool
    /// The dropout inside the positional encoding and, with `encodingInMLP`, on the inputs of
    /// the MLP's CPG linears (docs/science.md §6; 0: none).
    public let encodingDropout: Double

    /// The code the MLP blocks take with `encodingInMLP`: the reference's fixed `CPG()`.
    public static let mlpEncoding = PositionalEncoding.standardCPG

    /// Throws `.value` naming `dim`, `depth`, `heads`, `steps`, `pe`, `pe_in_mlp` or `pe_dropout`.
    public init(
        dim: Int = 256, depth: Int = 2, heads: Int = 8, steps: Int = 4, encoder: SpikeEncoder.Kind = .conv,
        encoding: PositionalEncoding = .none, neuron: any Neuron, hidden: Int? = nil, encodingInMLP: Bool = false,
        encodingDropout: Double = 0
    ) throws {
        try OptionCheck.atLeast(1, dim, .dim)
        try OptionCheck.atLeast(0, depth, .depth)
        try OptionCheck.heads(heads, divide: dim)
        try OptionCheck.atLeast(1, steps, .steps)
        try OptionCheck.atLeast(1, hidden ?? 4 * dim, .hidden)
        try encoding.validate()
        try OptionCheck.rate(encodingDropout, .encodingDropout)
        if encodingInMLP {
            guard encoding.name == "cpg" else {
                throw EngineError.value(argument: .encodingInMLP, message: "needs pe=cpg(...), got pe=\(encoding.name)")
            }
        }
        self.dim = dim
        self.depth = depth
        self.heads = heads
        self.steps = steps
        self.encoder = encoder
        self.encoding = encoding
        storedNeuron = AnyNeuron(neuron)
        self.hidden = hidden ?? 4 * dim
        self.encodingInMLP = encodingInMLP
        self.encodingDropout = encodingDropout
    }
}

extension StageBuilder {
    /// Spikformer's stages; `outputs` nil leaves off the head (the result has `dim` features).
    mutating func spikformer(_ options: SpikformerOptions, outputs: Int?) throws {
        try asSequence()
        try encoder(options.encoder, steps: options.steps, neuron: options.neuron)
        try embedding(options.encoding, width: options.dim, dropout: options.encodingDropout, neuron: options.neuron)
        for block in 0..<options.depth {
            try spikingAttention(
                heads: options.heads, scale: 0.125, neuron: options.neuron, residual: true,
                label: "block \(block + 1): ssa")
            let encoding: PositionalEncoding? = options.encodingInMLP ? SpikformerOptions.mlpEncoding : nil
            try mlpBlock(
                hidden: options.hidden, neuron: options.neuron, encoding: encoding, dropout: options.encodingDropout, residual: true,
                label: "block \(block + 1): mlp")
        }
        try readout(outputs: outputs)
    }
}
