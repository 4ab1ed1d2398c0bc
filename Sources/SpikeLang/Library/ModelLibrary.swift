import SpikeEngine

/// Layers and networks (language.md §7): `linear`, `conv1d`, `batchnorm`, `layernorm`,
/// `dropout`, `ssa`, `mlp`, `residual`, `copy`, `positional`, `mean_over`, `flatten`, the
/// encoders, the models, and `>>` composition. Every layer or model is a network value whose
/// sizes are fixed when it first meets data (or by `inputs=` / `outputs=`).
enum ModelLibrary {
    static func builtins() -> [Builtin] {
        layers() + encoders() + [spikformer(), spikeRNN(), spikeTCN(), iSpikformer(), transformer(), mlpNet()]
    }

    /// `a >> b` on layers, networks and neurons: the network applying a, then b (fresh weights).
    static func compose(_ left: Value, _ right: Value) -> Value? {
        guard let first = blueprint(of: left), let second = blueprint(of: right) else { return nil }
        return .model(.network(Network(unbuiltFrom: first.then(second))))
    }

    private static func blueprint(of value: Value) -> Blueprint? {
        switch value {
        case .model(.network(let network)): return network.blueprint
        case .neuron(let neuron): return .neuron(neuron)
        default: return nil
        }
    }

    private static func layer(_ blueprint: Blueprint) -> Value {
        .model(.network(Network(unbuiltFrom: blueprint)))
    }

    private static let shapeParameters = [optional("inputs", .none), optional("outputs", .none)]

    // MARK: - Layers

    private static func layers() -> [Builtin] {
        [
            Builtin(Signature("linear", [required("out"), optional("bias", .boolean(true))]), topic: .models,
                    summary: "A fully connected layer x·W + b over the last axis to 'out' features (the input width comes from the data).") { arguments, _ in
                let out = try arguments.integer("out")
                guard out >= 1 else { throw arguments.invalid("out", "must be at least 1, got \(out)") }
                return layer(.linear(outputs: out, bias: try arguments.boolean("bias")))
            },
            Builtin(Signature("conv1d", [required("out"), optional("kernel", .number(3)), optional("dilation", .number(1)),
                                         optional("causal", .boolean(false))]), topic: .models,
                    summary: "A 1-D convolution over the length axis to 'out' channels; causal pads on the left only.") { arguments, _ in
                let (out, kernel, dilation) = (try arguments.integer("out"), try arguments.integer("kernel"), try arguments.integer("dilation"))
                for (name, value) in [("out", out), ("kernel", kernel), ("dilation", dilation)] where value < 1 {
                    throw arguments.invalid(name, "must be at least 1, got \(value)")
                }
                return layer(.conv1d(outputs: out, kernel: kernel, dilation: dilation, causal: try arguments.boolean("causal")))
            },
            Builtin(Signature("batchnorm"), topic: .models,
                    summary: "Batch normalisation over the feature axis (statistics over every other axis).") { _, _ in layer(.batchNorm) },
            Builtin(Signature("layernorm"), topic: .models, summary: "Layer normalisation over the feature axis.") { _, _ in layer(.layerNorm) },
            Builtin(Signature("dropout", [optional("p", .number(0.1))]), topic: .models,
                    summary: "Zeroes each value with probability p while training (scaling the rest by 1/(1-p)).") { arguments, _ in
                let p = try arguments.number("p")
                guard p >= 0, p < 1 else { throw arguments.invalid("p", "must lie in [0, 1), got \(ValueText.number(p))") }
                return layer(.dropout(rate: p))
            },
            Builtin(Signature("ssa", [optional("heads", .number(8)), optional("scale", .number(0.125))]), topic: .models,
                    summary: "Spikformer's spiking self-attention: Q, K, V = LIF(BN(Linear(x))), (QKᵀ)·scale with no softmax.") { arguments, _ in
                let heads = try arguments.integer("heads")
                guard heads >= 1 else { throw arguments.invalid("heads", "must be at least 1, got \(heads)") }
                return layer(.attention(heads: heads, scale: try arguments.number("scale")))
            },
            Builtin(Signature("mlp", [required("hidden")]), topic: .models,
                    summary: "Spikformer's MLP block: Linear → BN → LIF → Linear → BN → LIF, keeping the width.") { arguments, _ in
                let hidden = try arguments.integer("hidden")
                guard hidden >= 1 else { throw arguments.invalid("hidden", "must be at least 1, got \(hidden)") }
                return layer(.mlp(hidden: hidden))
            },
            Builtin(Signature("residual", [required("net")]), topic: .models,
                    summary: "x + net(x): a residual connection around a network that keeps the shape.") { arguments, _ in
                layer(.residual(try arguments.network("net").blueprint))
            },
            Builtin(Signature("copy", [required("net")]), topic: .models,
                    summary: "An independent copy of a network, with its current weights (training one leaves the other alone).") { arguments, _ in
                .model(.network(try arguments.network("net").copy()))
            },
            Builtin(Signature("positional", [required("pe")]), topic: .models,
                    summary: "Joins a positional encoding: CPG-PE and random codes are concatenated and mapped back by a linear layer; the others are added.") { arguments, _ in
                layer(.positional(try arguments.encoding("pe")))
            },
            Builtin(Signature("mean_over", [required("axis")]), topic: .models,
                    summary: "The mean over \"time\" (SNN steps) or \"length\" (positions).") { arguments, _ in
                let axis = try arguments.choice("axis", among: MeanOver.Axis.allCases.map(\.rawValue))
                return layer(.meanOver(MeanOver.Axis(rawValue: axis) ?? .time))
            },
            Builtin(Signature("flatten"), topic: .models, summary: "Joins every axis after the batch into one.") { _, _ in layer(.flatten) },
        ]
    }

    private static func encoders() -> [Builtin] {
        SpikeEncoder.Kind.allCases.map { kind in
            let summaries: [SpikeEncoder.Kind: String] = [
                .conv: "Spike encoder: a convolution over the window with one channel per time step → BN → LIF.",
                .delta: "Spike encoder: the change x[l] − x[l−1] → BN → Linear(1 → steps) → LIF.",
                .repeat: "Spike encoder: the window repeated at every time step into a LIF (direct current).",
            ]
            return Builtin(Signature("\(kind.rawValue)_encoder", [optional("steps", .number(4)),
                                                                 optional("neuron", .neuron(defaultNeuron), shown: "lif()")]),
                           topic: .models, summary: summaries[kind] ?? "") { arguments, _ in
                let steps = try arguments.integer("steps")
                guard steps >= 1 else { throw arguments.invalid("steps", "must be at least 1, got \(steps)") }
                return layer(.encoder(kind, steps: steps, neuron: try arguments.neuron()))
            }
        }
    }

    // MARK: - Models

    /// The reference neuron, lif(tau=2): valid by construction.
    static let defaultNeuron: LIF = {
        guard let neuron = try? LIF() else { preconditionFailure("the default LIF parameters are valid") }
        return neuron
    }()

    private static func spikformer() -> Builtin {
        Builtin(Signature("spikformer", [
            optional("dim", .number(256)), optional("depth", .number(2)), optional("heads", .number(8)), optional("steps", .number(4)),
            optional("encoder", .string("conv")), optional("pe", .none), optional("neuron", .neuron(defaultNeuron), shown: "lif()"),
            optional("pe_in_mlp", .boolean(false)),
        ] + shapeParameters), topic: .models,
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
        ] + shapeParameters), topic: .models,
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
        ] + shapeParameters), topic: .models,
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
        ] + shapeParameters), topic: .models,
        summary: "iSpikformer: one token per variate, per-window normalisation, the last time step read out; forecasting only, no PE.") { arguments, evaluator in
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
        ] + shapeParameters), topic: .models,
        summary: "The float transformer baseline: Linear → [PE] → depth × (softmax attention + feed-forward, pre-norm) → mean → Linear.") { arguments, evaluator in
            let options = try arguments.engine {
                try TransformerOptions(dim: try arguments.integer("dim"), depth: try arguments.integer("depth"),
                                       heads: try arguments.integer("heads"), encoding: try arguments.encoding())
            }
            return try arguments.makeNetwork(.model(.transformer(options)), seed: evaluator.settings.seed)
        }
    }

    private static func mlpNet() -> Builtin {
        Builtin(Signature("mlp_net", [optional("hidden", .list([.number(128), .number(128)]))] + shapeParameters), topic: .models,
                summary: "The float multilayer perceptron baseline: the window flattened → (Linear → ReLU) per hidden width → Linear.") { arguments, evaluator in
            let options = try arguments.engine { try MLPNetOptions(hidden: try arguments.integers("hidden")) }
            return try arguments.makeNetwork(.model(.mlpNet(options)), seed: evaluator.settings.seed)
        }
    }
}
