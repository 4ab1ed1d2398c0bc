import SpikeEngine

/// The models of docs/language.md §7 (`spikformer`, `spike_rnn`, `spike_tcn`, `ispikformer`,
/// `transformer`, `mlp_net`) and `copy`. Each model is a network value (mutable) whose sizes
/// are fixed when it first meets data (or by `inputs=` / `outputs=`); the single layers
/// (LayerLibrary) are blueprints that `>>` composes into networks.
enum ModelLibrary {
    static func builtins() -> [Builtin] {
        [copy(), spikformer(), spikeRNN(), spikeTCN(), iSpikformer(), transformer(), mlpNet()]
    }

    /// Built on each use: a parameter's default is a `Value`, which is not `Sendable`, so it
    /// cannot be a shared constant.
    private static var shapeParameters: [Signature.Parameter] {
        [optional("inputs", .none), optional("outputs", .none)]
    }

    private static func copy() -> Builtin {
        Builtin(Signature("copy", [required("net")]), topic: .layers,
                summary: "An independent copy of a network, with its current weights (training one leaves the other alone).") { arguments, _ in
            .model(.network(try arguments.network("net").copy()))
        }
    }

    // MARK: - Models

    /// The reference neuron, lif(tau=2): valid by construction.
    static let defaultNeuron: any Neuron = {
        guard let neuron = try? LIF() else { preconditionFailure("the default LIF parameters are valid") }
        return neuron
    }()

    private static func spikformer() -> Builtin {
        Builtin(Signature("spikformer", [
            optional("dim", .number(256)), optional("depth", .number(2)), optional("heads", .number(8)), optional("steps", .number(4)),
            optional("encoder", .string("conv")), optional("pe", .none), optional("neuron", .neuron(defaultNeuron), shown: "lif()"),
            optional("pe_in_mlp", .boolean(false)),
        ] + shapeParameters), topic: .layers,
        summary: "Spikformer: encoder → [PE] → Linear → LIF → depth × (spiking self-attention + MLP) → mean → Linear. pe_in_mlp=true also feeds CPG-PE into every MLP linear.") { arguments, evaluator in
            let options = try arguments.engine {
                try SpikformerOptions(dim: try arguments.integer("dim"), depth: try arguments.integer("depth"), heads: try arguments.integer("heads"),
                                      steps: try arguments.integer("steps"), encoder: try arguments.encoderKind(), encoding: try arguments.encoding(),
                                      neuron: try arguments.neuron(), encodingInMLP: try arguments.boolean("pe_in_mlp"))
            }
            return try arguments.makeNetwork(.model(.spikformer(options)), seed: evaluator.settings.seed)
        }
    }

    private static func spikeRNN() -> Builtin {
        Builtin(Signature("spike_rnn", [
            optional("hidden", .number(128)), optional("layers", .number(2)), optional("steps", .number(4)), optional("pe", .none),
            optional("encoder", .string("conv")), optional("neuron", .neuron(defaultNeuron), shown: "lif()"),
        ] + shapeParameters), topic: .layers,
        summary: "SpikeRNN as in the reference: encoder → [PE] → Linear → LIF → layers × (Linear → LIF) → mean → Linear; state lives in the membranes across time steps.") { arguments, evaluator in
            let options = try arguments.engine {
                try SpikeRNNOptions(hidden: try arguments.integer("hidden"), layers: try arguments.integer("layers"), steps: try arguments.integer("steps"),
                                    encoder: try arguments.encoderKind(), encoding: try arguments.encoding(), neuron: try arguments.neuron())
            }
            return try arguments.makeNetwork(.model(.spikeRNN(options)), seed: evaluator.settings.seed)
        }
    }

    private static func spikeTCN() -> Builtin {
        Builtin(Signature("spike_tcn", [
            optional("channels", .list([.number(16), .number(16), .number(16)])), optional("kernel", .number(3)), optional("steps", .number(4)),
            optional("pe", .none), optional("encoder", .string("conv")), optional("neuron", .neuron(defaultNeuron), shown: "lif()"),
        ] + shapeParameters), topic: .layers,
        summary: "Spike-TCN: causal dilated convolution blocks (dilation 2^i) with LIF and residuals → mean over time → last position → Linear.") { arguments, evaluator in
            let options = try arguments.engine {
                try SpikeTCNOptions(channels: try arguments.integers("channels"), kernel: try arguments.integer("kernel"),
                                    steps: try arguments.integer("steps"), encoder: try arguments.encoderKind(),
                                    encoding: try arguments.encoding(), neuron: try arguments.neuron())
            }
            return try arguments.makeNetwork(.model(.spikeTCN(options)), seed: evaluator.settings.seed)
        }
    }

    private static func iSpikformer() -> Builtin {
        Builtin(Signature("ispikformer", [
            optional("dim", .number(256)), optional("depth", .number(2)), optional("heads", .number(8)), optional("steps", .number(4)),
            optional("encoder", .string("conv")), optional("neuron", .neuron(defaultNeuron), shown: "lif()"),
        ] + shapeParameters), topic: .layers,
        summary: "iSpikformer: one token per variate, per-window normalization, the last time step read out; forecasting only, no PE.") { arguments, evaluator in
            let options = try arguments.engine {
                try ISpikformerOptions(dim: try arguments.integer("dim"), depth: try arguments.integer("depth"), heads: try arguments.integer("heads"),
                                       steps: try arguments.integer("steps"), encoder: try arguments.encoderKind(), neuron: try arguments.neuron())
            }
            return try arguments.makeNetwork(.model(.iSpikformer(options)), seed: evaluator.settings.seed)
        }
    }

    private static func transformer() -> Builtin {
        Builtin(Signature("transformer", [
            optional("dim", .number(256)), optional("depth", .number(2)), optional("heads", .number(8)),
            optional("pe", .encoding(.sinusoidal(base: 10_000)), shown: "sinusoidal()"),
        ] + shapeParameters), topic: .layers,
        summary: "The float transformer baseline: Linear → [PE] → depth × (softmax attention + feed-forward, pre-norm) → mean → Linear.") { arguments, evaluator in
            let options = try arguments.engine {
                try TransformerOptions(dim: try arguments.integer("dim"), depth: try arguments.integer("depth"),
                                       heads: try arguments.integer("heads"), encoding: try arguments.encoding())
            }
            return try arguments.makeNetwork(.model(.transformer(options)), seed: evaluator.settings.seed)
        }
    }

    private static func mlpNet() -> Builtin {
        Builtin(Signature("mlp_net", [optional("hidden", .list([.number(128), .number(128)]))] + shapeParameters), topic: .layers,
                summary: "The float multilayer perceptron baseline: the window flattened → (Linear → ReLU) per hidden width → Linear.") { arguments, evaluator in
            let options = try arguments.engine { try MLPNetOptions(hidden: try arguments.integers("hidden")) }
            return try arguments.makeNetwork(.model(.mlpNet(options)), seed: evaluator.settings.seed)
        }
    }
}
