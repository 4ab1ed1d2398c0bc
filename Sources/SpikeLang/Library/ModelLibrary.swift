import SpikeEngine

/// The models of docs/language.md §7 (`spikformer`, `spike_rnn`, `spike_tcn`, `ispikformer`,
/// `transformer`, `mlp_net`) and `copy`. Each model is a network value (mutable) whose sizes
/// are fixed when it first meets data (or by `inputs=` / `outputs=`); the single layers
/// (LayerLibrary) are blueprints that `>>` composes into networks.
enum ModelLibrary {
    static func builtins() -> [Builtin] {
        [copy(), spikformer(), spikeRNN(), spikeTCN(), iSpikformer(), transformer(), mlpNet()]
    }

    private static func copy() -> Builtin {
        Builtin(
            "copy", topic: .layers,
            summary: "An independent copy of a network, with its current weights (training one leaves the other alone)."
        ) { p in
            let net = p.declare("net", .network, doc: "the network to copy")
            return { arguments, _ in .model(.network(try arguments[net].copy())) }
        }
    }

    // MARK: - Models

    /// The reference neuron, lif(tau=2): valid by construction.
    static let defaultNeuron: any Neuron = {
        guard let neuron = try? LIF() else { preconditionFailure("the default LIF parameters are valid") }
        return neuron
    }()

    // The parameters the spiking models share, each declared once here.

    private static func stepsParameter(_ p: Declarations) -> Param<Int> {
        p.declare("steps", .integer, default: 4, doc: "SNN time steps per window")
    }

    private static func encoderParameter(_ p: Declarations) -> Param<SpikeEncoder.Kind> {
        p.declare(
            "encoder", .choice(SpikeEncoder.Kind.self), default: .conv,
            doc: "how a window becomes spikes: \"conv\", \"delta\" or \"repeat\"")
    }

    private static func neuronParameter(_ p: Declarations) -> Param<any Neuron> {
        p.declare("neuron", .neuron, default: defaultNeuron, shown: "lif()", doc: "the neuron of every spiking layer")
    }

    private static func headsParameter(_ p: Declarations) -> Param<Int> {
        p.declare("heads", .integer, default: 8, doc: "attention heads; they must divide dim")
    }

    private static func encodingParameter(_ p: Declarations) -> Param<PositionalEncoding> {
        p.declare(
            "pe", .modelEncoding, default: PositionalEncoding.none, shown: "none",
            doc: "a positional encoding such as cpg(); none: no encoding")
    }

    /// `pe_dropout=`: the reference's Dropout inside its PE modules, off by default (docs/science.md §6).
    static func encodingDropoutParameter(_ p: Declarations) -> Param<Double> {
        p.declare(
            "pe_dropout", .probability, default: 0,
            doc:
                "dropout inside the positional encoding while training (SeqSNN uses 0.1 on every PE arm but none; 0: off, so arms differ only in the PE)"
        )
    }

    /// A builtin that makes a model: `declare` declares the model's own parameters and returns
    /// how its spec is made; `inputs=` and `outputs=` follow them.
    private static func model(
        _ name: String, _ summary: String,
        _ declare: (Declarations) -> (Arguments) throws -> ModelSpec
    ) -> Builtin {
        Builtin(name, topic: .layers, summary: summary) { p in
            let spec = declare(p)
            let shapes = ShapeParameters(p)
            return { arguments, evaluator in
                let model = try arguments.engine { try spec(arguments) }
                return try shapes.makeNetwork(.model(model), arguments, seed: evaluator.settings.seed)
            }
        }
    }

    private static func spikformer() -> Builtin {
        model(
            "spikformer",
            "Spikformer: encoder → [PE] → Linear → LIF → depth × (spiking self-attention + MLP) → mean → Linear. pe_in_mlp=true also feeds a fixed CPG-PE into every MLP linear."
        ) { p in
            let dim = p.declare("dim", .integer, default: 256, doc: "features per position")
            let depth = p.declare("depth", .integer, default: 2, doc: "attention blocks")
            let heads = headsParameter(p)
            let steps = stepsParameter(p)
            let encoder = encoderParameter(p)
            let pe = encodingParameter(p)
            let neuron = neuronParameter(p)
            let inMLP = p.declare(
                "pe_in_mlp", .boolean, default: false,
                doc: "also feed the reference's fixed CPG-PE (n = 10, tau = 10000) into every MLP linear, as SpikformerCPG (needs pe=cpg())"
            )
            let dropout = encodingDropoutParameter(p)
            return { arguments in
                .spikformer(
                    try SpikformerOptions(
                        dim: try arguments[dim], depth: try arguments[depth], heads: try arguments[heads], steps: try arguments[steps],
                        encoder: try arguments[encoder], encoding: try arguments[pe], neuron: try arguments[neuron],
                        encodingInMLP: try arguments[inMLP], encodingDropout: try arguments[dropout]))
            }
        }
    }

    private static func spikeRNN() -> Builtin {
        model(
            "spike_rnn",
            "SpikeRNN as in the reference: encoder → [PE] → Linear → LIF → layers × (Linear → LIF) → mean → Linear; state lives in the membranes across time steps."
        ) { p in
            let hidden = p.declare("hidden", .integer, default: 128, doc: "features of each recurrent layer")
            let layers = p.declare("layers", .integer, default: 2, doc: "recurrent layers")
            let steps = stepsParameter(p)
            let pe = encodingParameter(p)
            let encoder = encoderParameter(p)
            let neuron = neuronParameter(p)
            let dropout = encodingDropoutParameter(p)
            let widen = p.declare(
                "pe_widen", .boolean, default: false,
                doc: "widen every layer to hidden + n with a concatenated code of n channels, as SeqSNN's SpikeRNN does with CPG-PE")
            return { arguments in
                .spikeRNN(
                    try SpikeRNNOptions(
                        hidden: try arguments[hidden], layers: try arguments[layers], steps: try arguments[steps],
                        encoder: try arguments[encoder], encoding: try arguments[pe], encodingDropout: try arguments[dropout],
                        widen: try arguments[widen], neuron: try arguments[neuron]))
            }
        }
    }

    private static func spikeTCN() -> Builtin {
        model(
            "spike_tcn",
            "Spike-TCN: causal dilated convolution blocks (dilation 2^i) with LIF and residuals → mean over time → last position → Linear."
        ) { p in
            let channels = p.declare("channels", .integers, default: [16, 16, 16], doc: "channels of each block (block i has dilation 2^i)")
            let kernel = p.declare("kernel", .integer, default: 3, doc: "the kernel's width, in positions")
            let steps = stepsParameter(p)
            let pe = encodingParameter(p)
            let encoder = encoderParameter(p)
            let neuron = neuronParameter(p)
            let dropout = encodingDropoutParameter(p)
            return { arguments in
                .spikeTCN(
                    try SpikeTCNOptions(
                        channels: try arguments[channels], kernel: try arguments[kernel], steps: try arguments[steps],
                        encoder: try arguments[encoder], encoding: try arguments[pe], encodingDropout: try arguments[dropout],
                        neuron: try arguments[neuron]))
            }
        }
    }

    private static func iSpikformer() -> Builtin {
        model(
            "ispikformer",
            "iSpikformer: one token per variate, per-window normalization, the last time step read out; forecasting only, no PE."
        ) { p in
            let dim = p.declare("dim", .integer, default: 256, doc: "features per variate token")
            let depth = p.declare("depth", .integer, default: 2, doc: "attention blocks")
            let heads = headsParameter(p)
            let steps = stepsParameter(p)
            let encoder = encoderParameter(p)
            let neuron = neuronParameter(p)
            return { arguments in
                .iSpikformer(
                    try ISpikformerOptions(
                        dim: try arguments[dim], depth: try arguments[depth], heads: try arguments[heads], steps: try arguments[steps],
                        encoder: try arguments[encoder], neuron: try arguments[neuron]))
            }
        }
    }

    private static func transformer() -> Builtin {
        model(
            "transformer",
            "The float transformer baseline: Linear → [PE] → depth × (softmax attention + feed-forward, pre-norm) → mean → Linear."
        ) { p in
            let dim = p.declare("dim", .integer, default: 256, doc: "features per position")
            let depth = p.declare("depth", .integer, default: 2, doc: "attention blocks")
            let heads = headsParameter(p)
            let pe = p.declare(
                "pe", .modelEncoding, default: .sinusoidal(base: 10_000), shown: "sinusoidal()",
                doc: "a positional encoding such as cpg(); none: no encoding")
            return { arguments in
                .transformer(
                    try TransformerOptions(
                        dim: try arguments[dim], depth: try arguments[depth], heads: try arguments[heads], encoding: try arguments[pe]))
            }
        }
    }

    private static func mlpNet() -> Builtin {
        model(
            "mlp_net",
            "The float multilayer perceptron baseline: the window flattened → (Linear → ReLU) per hidden width → Linear."
        ) { p in
            let hidden = p.declare("hidden", .integers, default: [128, 128], doc: "the width of each hidden layer")
            return { arguments in .mlpNet(try MLPNetOptions(hidden: try arguments[hidden])) }
        }
    }
}
