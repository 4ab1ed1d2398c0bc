/// The models of the paper (docs/science.md §4) and their float counterparts, each with its options.
///
/// A model fixes its inner widths here; its input width and output head are set when the
/// network first meets data.
public enum ModelSpec: Equatable, Sendable {
    case spikformer(SpikformerOptions)
    case spikeRNN(SpikeRNNOptions)
    case spikeTCN(SpikeTCNOptions)
    case iSpikformer(ISpikformerOptions)
    case transformer(TransformerOptions)
    case mlpNet(MLPNetOptions)

    /// The language's name for the model.
    public var name: String {
        switch self {
        case .spikformer: return "spikformer"
        case .spikeRNN: return "spike_rnn"
        case .spikeTCN: return "spike_tcn"
        case .iSpikformer: return "ispikformer"
        case .transformer: return "transformer"
        case .mlpNet: return "mlp_net"
        }
    }

    /// The positional encoding the model uses (`.none` for models that take none).
    public var encoding: PositionalEncoding {
        switch self {
        case .spikformer(let options): return options.encoding
        case .spikeRNN(let options): return options.encoding
        case .spikeTCN(let options): return options.encoding
        case .transformer(let options): return options.encoding
        case .iSpikformer, .mlpNet: return .none
        }
    }
}

/// Checks shared by the model options: each throws `.value` naming the argument.
enum OptionCheck {
    static func atLeast(_ minimum: Int, _ value: Int, _ argument: EngineParameter) throws {
        guard value >= minimum else {
            throw EngineError.value(argument: argument, message: "must be at least \(minimum), got \(value)")
        }
    }

    /// A dropout rate in [0, 1).
    static func rate(_ value: Double, _ argument: EngineParameter) throws {
        guard value.isFinite, value >= 0, value < 1 else {
            throw EngineError.value(argument: argument, message: "must lie in [0, 1), got \(value)")
        }
    }

    static func heads(_ heads: Int, divide dim: Int) throws {
        try atLeast(1, heads, .heads)
        guard dim % heads == 0 else {
            throw EngineError.value(argument: .heads, message: "must divide dim = \(dim) evenly, got \(heads)")
        }
    }
}
