import SpikeEngine

/// Layer constructors, composed with `>>` (docs/language.md §7 "Layers and networks"): `linear`,
/// `conv1d`, `batchnorm`, `layernorm`, `dropout`, `ssa`, `mlp`, `residual`, `positional`,
/// `mean_over`, `flatten`, and the spike encoders `conv_encoder`, `delta_encoder`,
/// `repeat_encoder`. Input sizes are left open: they are fixed when the network meets data.
enum LayerLibrary {
    static func builtins() -> [Builtin] {
        [
            layer("linear", [required("out"), optional("bias", .boolean(true))],
                  "A fully connected layer x·W + b to `out` features (inputs fixed by the data).") { arguments in
                .linear(outputs: try size(arguments, "out"), bias: try arguments.boolean("bias"))
            },
            layer("conv1d", [required("out"), optional("kernel", .number(3)), optional("dilation", .number(1)),
                             optional("causal", .boolean(false))],
                  "A 1-D convolution over the sequence to `out` channels; causal pads on the left only.") { arguments in
                .conv1d(outputs: try size(arguments, "out"), kernel: try size(arguments, "kernel"),
                        dilation: try size(arguments, "dilation"), causal: try arguments.boolean("causal"))
            },
            layer("batchnorm", [], "Batch normalization over features (batch statistics in training, running ones after).") { _ in .batchNorm },
            layer("layernorm", [], "Layer normalization over the features of each position.") { _ in .layerNorm },
            layer("dropout", [optional("p", .number(0.1))], "Drops each input with probability p while training (seeded).") { arguments in
                let p = try arguments.number("p")
                guard p >= 0, p < 1 else { throw arguments.invalid("p", "must lie in [0, 1), got \(ValueText.number(p))") }
                return .dropout(rate: p)
            },
            layer("ssa", [optional("heads", .number(8)), optional("scale", .number(0.125))],
                  "Spiking self-attention as in Spikformer: Q, K, V from LIF(BN(linear)), (Q K^T)·scale with no softmax.") { arguments in
                let scale = try arguments.number("scale")
                guard scale.isFinite, scale > 0 else { throw arguments.invalid("scale", "must be a finite positive number") }
                return .attention(heads: try size(arguments, "heads"), scale: scale)
            },
            layer("mlp", [required("hidden")], "Spikformer's MLP block: linear → BN → LIF → linear → BN → LIF, `hidden` features inside.") { arguments in
                .mlp(hidden: try size(arguments, "hidden"))
            },
            layer("residual", [required("net")], "x + net(x): a skip connection around a layer or network.") { arguments in
                guard let inner = Evaluator.blueprint(of: arguments.value("net")) else {
                    throw arguments.mismatch("net", expected: "a layer or network")
                }
                guard inner.nesting < Blueprint.nestingLimit else {
                    throw arguments.invalid("net", "already nests \(Blueprint.nestingLimit) residuals, the most a network may")
                }
                return .residual(inner)
            },
            layer("positional", [required("pe")],
                  "Joins a positional encoding to the input: concatenated then mapped back (CPG-PE, random code) or added (the others).") { arguments in
                .positional(try EncodingLibrary.encodingArgument(arguments))
            },
            layer("mean_over", [required("axis")], "The mean over \"time\" (SNN steps) or \"length\" (positions).") { arguments in
                let axis = try arguments.choice("axis", among: MeanOver.Axis.allCases.map(\.rawValue))
                return .meanOver(MeanOver.Axis(rawValue: axis) ?? .time)
            },
            layer("flatten", [], "Joins every axis after the batch into one.") { _ in .flatten },
        ] + SpikeEncoder.Kind.allCases.map(encoder)
    }

    private static func encoder(_ kind: SpikeEncoder.Kind) -> Builtin {
        let how: String
        switch kind {
        case .conv: how = "a convolution over time with `steps` output channels → BN → LIF"
        case .delta: how = "x_t − x_{t−1} → BN → linear(1 → steps) → LIF"
        case .repeat: how = "the input repeated `steps` times → LIF"
        }
        return layer("\(kind.rawValue)_encoder", [optional("steps", .number(4)), optional("neuron", .none, shown: "lif()")],
                     "A spike encoder turning a window into `steps` spike frames: \(how).") { arguments in
            let neuron: any Neuron
            switch arguments.value("neuron") {
            case .none: neuron = try arguments.engine { try LIF() }
            case .neuron(let given): neuron = given
            default: throw arguments.mismatch("neuron", expected: "a neuron such as lif()")
            }
            return .encoder(kind, steps: try size(arguments, "steps"), neuron: neuron)
        }
    }

    private static func layer(_ name: String, _ parameters: [Signature.Parameter], _ summary: String,
                              _ make: @escaping (Arguments) throws -> Blueprint) -> Builtin {
        Builtin(Signature(name, parameters), topic: .layers, summary: summary) { arguments, _ in
            .blueprint(try make(arguments))
        }
    }

    /// A positive integer size argument.
    private static func size(_ arguments: Arguments, _ name: String) throws -> Int {
        let value = try arguments.integer(name)
        guard value >= 1 else { throw arguments.invalid(name, "must be at least 1, got \(value)") }
        return value
    }
}
