/// Spike-TCN (docs/science.md §4): encoder → [PE] → one temporal block per entry of `channels`
/// (causal dilated convolutions, dilation 2^i, with LIF and a residual) → mean over T → the
/// last position → Linear.
///
/// Spike keeps the blocks' spikes over the T time steps (the reference averages them into
/// rates inside each block); the readout averages over T at the end.
public struct SpikeTCNOptions: Equatable, Sendable {
    public let channels: [Int]
    public let kernel: Int
    public let steps: Int
    public let encoder: SpikeEncoder.Kind
    public let encoding: PositionalEncoding
    /// The dropout inside the positional encoding (docs/science.md §6; 0: none).
    public let encodingDropout: Double
    /// The model's neuron (every neuron layer is a copy, with its own trainable parameters).
    public var neuron: any Neuron { storedNeuron.base }
    private let storedNeuron: AnyNeuron

    /// Throws `.value` naming `channels`, `kernel`, `steps`, `pe` or `pe_dropout`.
    public init(
        channels: [Int] = [16, 16, 16], kernel: Int = 3, steps: Int = 4, encoder: SpikeEncoder.Kind = .conv,
        encoding: PositionalEncoding = .none, encodingDropout: Double = 0, neuron: any Neuron
    ) throws {
        guard !channels.isEmpty, channels.allSatisfy({ $0 >= 1 }) else {
            throw EngineError.value(argument: .channels, message: "must be a non-empty list of positive widths, got \(channels)")
        }
        try OptionCheck.atLeast(1, kernel, .kernel)
        try OptionCheck.atLeast(1, steps, .steps)
        try encoding.validate()
        try OptionCheck.rate(encodingDropout, .encodingDropout)
        self.channels = channels
        self.kernel = kernel
        self.steps = steps
        self.encoder = encoder
        self.encoding = encoding
        self.encodingDropout = encodingDropout
        storedNeuron = AnyNeuron(neuron)
    }
}

extension StageBuilder {
    mutating func spikeTCN(_ options: SpikeTCNOptions, outputs: Int?) throws {
        try asSequence()
        try encoder(options.encoder, steps: options.steps, neuron: options.neuron)
        if options.encoding != .none { try positional(options.encoding, dropout: options.encodingDropout, neuron: options.neuron) }
        for (level, width) in options.channels.enumerated() {
            let dilation = 1 << Swift.min(level, 30)
            let inputs = features
            let block = try TemporalBlock(
                inputs: inputs, outputs: width, kernel: options.kernel, dilation: dilation,
                neuron: options.neuron, generator: &generator)
            let macs = rows * options.kernel * (inputs * width + width * width) + (inputs == width ? 0 : rows * inputs * width)
            try add(
                "temporal block \(level + 1) (dilation \(dilation))", block, neurons: 2 * length * width, macs: macs,
                gives: .spikes)
        }
        try add("mean_over(time)", MeanOver(.time))
        try add("last position", LastPosition())
        if let outputs { try linear(outputs, name: "linear (head)") }
    }
}

/// One Spike-TCN block on [T, B, L, C]:
///
///     h = LIF(BN(conv_causal(x)));  y = LIF(BN(conv_causal(h)) + skip(x))
///
/// with convolutions of `kernel` taps `dilation` apart, and `skip` the identity or a linear
/// map when the widths differ.
struct TemporalBlock: Layer {
    var first: Conv1d, firstNorm: BatchNorm
    var second: Conv1d, secondNorm: BatchNorm
    var skip: Linear?
    /// The neurons after the first and the second convolution (each with its own parameters).
    var firstNeuron: any Neuron, secondNeuron: any Neuron

    init(inputs: Int, outputs: Int, kernel: Int, dilation: Int, neuron: any Neuron, generator: inout SeededGenerator) throws {
        first = try Conv1d(inputs: inputs, outputs: outputs, kernel: kernel, dilation: dilation, causal: true, generator: &generator)
        firstNorm = try BatchNorm(features: outputs)
        second = try Conv1d(inputs: outputs, outputs: outputs, kernel: kernel, dilation: dilation, causal: true, generator: &generator)
        secondNorm = try BatchNorm(features: outputs)
        skip = inputs == outputs ? nil : try Linear(inputs: inputs, outputs: outputs, generator: &generator)
        firstNeuron = neuron
        secondNeuron = neuron
    }

    var parameters: [Tensor] {
        get {
            first.parameters + firstNorm.parameters + firstNeuron.parameters + second.parameters + secondNorm.parameters
                + (skip?.parameters ?? []) + secondNeuron.parameters
        }
        set {
            var rest = newValue[...]
            func take(_ n: Int) -> [Tensor] {
                defer { rest = rest.dropFirst(n) }
                return Array(rest.prefix(n))
            }
            first.parameters = take(first.parameters.count)
            firstNorm.parameters = take(2)
            firstNeuron.parameters = take(firstNeuron.parameters.count)
            second.parameters = take(second.parameters.count)
            secondNorm.parameters = take(2)
            if var skip {
                skip.parameters = take(skip.parameters.count)
                self.skip = skip
            }
            secondNeuron.parameters = take(secondNeuron.parameters.count)
        }
    }

    var buffers: [Tensor] {
        get { firstNorm.buffers + secondNorm.buffers }
        set {
            firstNorm.buffers = Array(newValue[0..<2])
            secondNorm.buffers = Array(newValue[2..<4])
        }
    }

    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        let hidden = try firstNeuron.forward(firstNorm.forward(first.forward(input, in: context), in: context), in: context)
        let body = try secondNorm.forward(second.forward(hidden, in: context), in: context)
        let shortcut = try skip?.forward(input, in: context) ?? input
        return try secondNeuron.forward(context.tape.add(body, shortcut), in: context)
    }
}
