/// SpikeRNN as in the reference code (docs/science.md §4): encoder → [PE] → Linear(C[+n] → hidden)
/// → LIF → layers × (Linear → LIF) → mean over T → mean over L → Linear. The only state is
/// the membranes across the T time steps (no recurrence over positions, as in the reference).
public struct SpikeRNNOptions: Equatable, Sendable {
    public let hidden: Int
    public let layers: Int
    public let steps: Int
    public let encoder: SpikeEncoder.Kind
    public let encoding: PositionalEncoding
    /// The model's neuron (every neuron layer is a copy, with its own trainable parameters).
    public var neuron: any Neuron { storedNeuron.base }
    private let storedNeuron: AnyNeuron

    /// Throws `.value` naming `hidden`, `layers`, `steps` or `pe`.
    public init(
        hidden: Int = 128, layers: Int = 2, steps: Int = 4, encoder: SpikeEncoder.Kind = .conv,
        encoding: PositionalEncoding = .none, neuron: any Neuron
    ) throws {
        try OptionCheck.atLeast(1, hidden, .hidden)
        try OptionCheck.atLeast(0, layers, .layers)
        try OptionCheck.atLeast(1, steps, .steps)
        try encoding.validate()
        self.hidden = hidden
        self.layers = layers
        self.steps = steps
        self.encoder = encoder
        self.encoding = encoding
        storedNeuron = AnyNeuron(neuron)
    }
}

extension StageBuilder {
    mutating func spikeRNN(_ options: SpikeRNNOptions, outputs: Int?) throws {
        try asSequence()
        try encoder(options.encoder, steps: options.steps, neuron: options.neuron)
        try embedding(options.encoding, width: options.hidden, neuron: options.neuron)
        for _ in 0..<options.layers {
            try linear(options.hidden)
            try neuron(options.neuron)
        }
        try readout(outputs: outputs)
    }
}
