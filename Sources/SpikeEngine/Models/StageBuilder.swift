/// Builds a network stage by stage, inferring each layer's input width from the shape the
/// previous stage gives.
///
/// Shapes are found by probing: every new stage runs once (inference, zeros) on a batch of 1
/// and a batch of 2, which gives its output shape and tells the batch axis apart (marked −1).
/// Counts (`neurons`, `macs`) are per example. Cost: two tiny forward passes per stage.
struct StageBuilder {
    var generator: SeededGenerator
    var stages: [Stage] = []
    /// The current shape at batch 1 and at batch 2.
    var single: [Int]
    var pair: [Int]
    /// Whether the current values are spikes (or sums of spikes).
    var emitting = false

    /// What a stage gives, relative to what it receives.
    enum Signal {
        /// Spikes (0/1) or sums of spikes.
        case spikes
        /// Real values.
        case real
        /// Whatever it receives (a reshape, a permutation, a residual of spikes).
        case same
    }

    /// A builder for examples of shape `example` (no batch axis).
    init(example: [Int], generator: SeededGenerator) {
        self.generator = generator
        single = [1] + example
        pair = [2] + example
    }

    /// The current shape with the batch axis marked −1.
    var shape: [Int] { zip(single, pair).map { $0 == $1 ? $0 : -1 } }
    /// The feature width (last axis).
    var features: Int { single.last ?? 1 }
    /// Scalars per example.
    var perExample: Int { single.reduce(1, *) }
    /// Rows (per example) an affine map over the last axis sees.
    var rows: Int { perExample / Swift.max(features, 1) }
    /// Whether the current shape is spiking [T, B, L, D] (batch on axis 1).
    var hasTimeAxis: Bool { single.count == 4 && shape[1] == -1 }
    /// Whether a time axis is still there (the batch on axis 1), with or without positions.
    var keepsTimeAxis: Bool { shape.firstIndex(of: -1) == 1 }
    /// Whether positions are still there: at least two axes (positions, features) after the batch.
    var keepsLengthAxis: Bool { single.count - (shape.firstIndex(of: -1) ?? 0) - 1 >= 2 }
    /// The `mean_over` layers that would average away what is left besides the features.
    var remainingAxes: [String] {
        (keepsTimeAxis ? ["mean_over(\"time\")"] : []) + (keepsLengthAxis ? ["mean_over(\"length\")"] : [])
    }
    /// T when there is a time axis, else 1.
    var steps: Int { hasTimeAxis ? single[0] : 1 }
    /// Positions L of a [.., L, D] shape (1 when there is no sequence axis).
    var length: Int { single.count >= 3 ? single[single.count - 2] : 1 }

    /// Appends `layer` as a stage named `name`, probing its output shape.
    mutating func add(
        _ name: String, _ layer: any Layer, neurons: Int = 0, macs: Int = 0, gives signal: Signal = .real, parts: [Stage] = []
    ) throws {
        let before = shape
        let receiving = emitting
        single = try Self.probe(layer, single)
        pair = try Self.probe(layer, pair)
        emitting = signal == .spikes || (signal == .same && receiving)
        stages.append(
            Stage(
                name: name, layer: layer, inputShape: before, outputShape: shape, neurons: neurons, macs: macs,
                receivesSpikes: receiving, emitsSpikes: emitting, parts: parts))
    }

    /// The output shape of `layer` on zeros of `shape` (inference, nothing recorded).
    static func probe(_ layer: any Layer, _ shape: [Int]) throws -> [Int] {
        let context = ForwardContext(tape: Tape(recording: false), training: false)
        return try layer.forward(context.tape.constant(try Tensor.zeros(shape)), in: context).shape
    }

    // MARK: - Common stages

    /// [B, F] data becomes a sequence [B, F, 1] (one value per position); other shapes pass.
    mutating func asSequence() throws {
        if single.count == 2 { try add("as sequence", AsSequence()) }
        guard single.count == 3 else {
            throw EngineError.shape(operation: "model input (expects [batch, length, variates])", first: shape, second: [-1, -1, -1])
        }
    }

    mutating func encoder(_ kind: SpikeEncoder.Kind, steps: Int, neuron: any Neuron) throws {
        let (l, c) = (single[1], single[2])
        let encoder = try SpikeEncoder(kind, steps: steps, neuron: neuron, generator: &generator)
        let macs = kind == .conv ? l * c * 3 * steps : kind == .delta ? l * c * steps : 0
        try add("\(kind.rawValue)_encoder", encoder, neurons: l * c, macs: macs, gives: .spikes)
    }

    mutating func linear(_ outputs: Int, bias: Bool = true, name: String = "linear") throws {
        let macs = rows * features * outputs
        try add(name, try Linear(inputs: features, outputs: outputs, bias: bias, generator: &generator), macs: macs)
    }

    mutating func neuron(_ neuron: any Neuron) throws {
        try add(neuron.builtinName, neuron, neurons: perExample / steps, gives: .spikes)
    }

    /// [PE] then Linear to `width` then the neuron: a concatenating encoding does the linear itself
    /// (W·[x; P] + b), an added one is added before a plain linear; `dropout` is the rate of
    /// the dropout inside the encoding (docs/science.md §6).
    mutating func embedding(_ encoding: PositionalEncoding, width: Int, dropout: Double = 0, neuron: any Neuron) throws {
        switch encoding.joining {
        case .concatenate:
            let layer = try Positional(
                encoding, features: features, outputs: width, maxLength: length, dropout: dropout,
                neuron: neuron, generator: &generator)
            try add("\(Self.positionalName(encoding, dropout: dropout)) + linear", layer, macs: rows * features * width)
        case .add:
            try positional(encoding, dropout: dropout, neuron: neuron)
            try linear(width)
        case .nothing:
            try linear(width)
        }
        try self.neuron(neuron)
    }

    /// A positional encoding that keeps the width (concatenating kinds map back to it).
    mutating func positional(_ encoding: PositionalEncoding, dropout: Double = 0, neuron: any Neuron) throws {
        guard single.count >= 3 else {
            throw EngineError.shape(operation: "positional (expects [..., length, features])", first: shape, second: [-1, -1, -1])
        }
        let layer = try Positional(
            encoding, features: features, maxLength: length, dropout: dropout, neuron: neuron, generator: &generator)
        var macs = 0
        var neurons = 0
        var signal = Signal.real
        switch encoding {
        case .cpg, .randomCode: macs = rows * features * features
        case .relative: (macs, neurons, signal) = (rows * 3 * features * features, perExample / steps, .same)
        case .none: signal = .same
        case .cpgAdded: signal = .same  // x + P of spikes: sums of spikes
        case .sinusoidal, .learnable: break
        }
        try add(Self.positionalName(encoding, dropout: dropout), layer, neurons: neurons, macs: macs, gives: signal)
    }

    /// A positional stage's name: `positional(cpg)`, with its dropout when there is one
    /// (`positional(cpg, dropout 0.1)`) and `add` for an added CPG-PE.
    static func positionalName(_ encoding: PositionalEncoding, dropout: Double) -> String {
        var details = [encoding.name]
        if case .cpgAdded = encoding { details.append("add") }
        if dropout > 0, encoding != .none { details.append("dropout \(dropout)") }
        return "positional(\(details.joined(separator: ", ")))"
    }

    mutating func spikingAttention(heads: Int, scale: Double, neuron: any Neuron, residual: Bool, label: String = "ssa") throws {
        guard single.count == 4 else {
            throw EngineError.shape(
                operation: "ssa (expects spikes [time, batch, length, features])", first: shape, second: [-1, -1, -1, -1])
        }
        let d = features
        let attention = try SpikingSelfAttention(features: d, heads: heads, scale: Float(scale), neuron: neuron, generator: &generator)
        let macs = 4 * rows * d * d + 2 * steps * length * length * d
        try add(
            residual ? "\(label) (residual)" : label, residual ? Residual(attention) : attention,
            neurons: 5 * length * d, macs: macs, gives: residual ? .same : .spikes)
    }

    /// Spikformer's MLP block; with `encoding` (CPG-PE) both linears also take the code, with
    /// `dropout` on their inputs (not on the code, as the reference's `CPGLinear`).
    mutating func mlpBlock(
        hidden: Int, neuron: any Neuron, encoding: PositionalEncoding?, dropout: Double = 0, residual: Bool, label: String = "mlp"
    ) throws {
        let d = features
        let block: any Layer
        if let encoding {
            block = Sequential([
                try Positional(
                    encoding, features: d, outputs: hidden, dropout: dropout, dropsCode: false, neuron: neuron, generator: &generator),
                try BatchNorm(features: hidden), neuron,
                try Positional(
                    encoding, features: hidden, outputs: d, dropout: dropout, dropsCode: false, neuron: neuron, generator: &generator),
                try BatchNorm(features: d), neuron
            ])
        } else {
            block = try MLPBlock(features: d, hidden: hidden, neuron: neuron, generator: &generator)
        }
        try add(
            residual ? "\(label) (residual)" : label, residual ? Residual(block) : block,
            neurons: length * (hidden + d), macs: 2 * rows * d * hidden, gives: residual ? .same : .spikes)
    }

    /// Mean over T (when there is a time axis), mean over L, then Linear to `outputs` (if any).
    mutating func readout(outputs: Int?) throws {
        if hasTimeAxis { try add("mean_over(time)", MeanOver(.time)) }
        if single.count >= 3 { try add("mean_over(length)", MeanOver(.length)) }
        if let outputs { try linear(outputs, name: "linear (head)") }
    }
}

/// [B, F] → [B, F, 1]: a vector of features read as a sequence of one-variate positions.
struct AsSequence: Layer {
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.reshape(input, input.shape + [1])
    }
}
