/// SpikeRNN as in the reference code (docs/science.md §4): encoder → [PE] → Linear(C[+n] → hidden)
/// → LIF → layers × (Linear → LIF) → mean over T → mean over L → Linear. The only state is
/// the membranes across the T time steps (no recurrence over positions, as in the reference).
///
/// `widen` is the reference's widening (docs/science.md §6): with a concatenated code of n
/// channels every layer has hidden + n features (`spikernn.py` sets dim = hidden + n).
public struct SpikeRNNOptions: Equatable, Sendable {
    public let hidden: Int
    public let layers: Int
    public let steps: Int
    public let encoder: SpikeEncoder.Kind
    public let encoding: PositionalEncoding
    /// The dropout inside the positional encoding (docs/science.md §6; 0: none).
    public let encodingDropout: Double
    /// Whether every layer is widened by a concatenated code's channels.
    public let widen: Bool
    /// The model's neuron (every neuron layer is a copy, with its own trainable parameters).
    public var neuron: any Neuron { storedNeuron.base }
    private let storedNeuron: AnyNeuron

    /// Throws `.value` naming `hidden`, `layers`, `steps`, `pe` or `pe_dropout`.
    public init(
        hidden: Int = 128, layers: Int = 2, steps: Int = 4, encoder: SpikeEncoder.Kind = .conv,
        encoding: PositionalEncoding = .none, encodingDropout: Double = 0, widen: Bool = false, neuron: any Neuron
    ) throws {
        try OptionCheck.atLeast(1, hidden, .hidden)
        try OptionCheck.atLeast(0, layers, .layers)
        try OptionCheck.atLeast(1, steps, .steps)
        try encoding.validate()
        try OptionCheck.rate(encodingDropout, .encodingDropout)
        self.hidden = hidden
        self.layers = layers
        self.steps = steps
        self.encoder = encoder
        self.encoding = encoding
        self.encodingDropout = encodingDropout
        self.widen = widen
        storedNeuron = AnyNeuron(neuron)
    }

    /// The features of every layer: hidden, plus a concatenated code's channels when widened.
    public var width: Int {
        guard widen, encoding.joining == .concatenate else { return hidden }
        return hidden + (encoding.fixedChannels ?? 0)
    }
}

extension StageBuilder {
    mutating func spikeRNN(_ options: SpikeRNNOptions, outputs: Int?) throws {
        try asSequence()
        try encoder(options.encoder, steps: options.steps, neuron: options.neuron)
        try embedding(options.encoding, width: options.width, dropout: options.encodingDropout, neuron: options.neuron)
        for _ in 0..<options.layers {
            try linear(options.width)
            try neuron(options.neuron)
        }
        try readout(outputs: outputs)
    }
}
