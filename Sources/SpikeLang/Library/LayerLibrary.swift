import SpikeEngine

/// Layer constructors, composed with `>>` (docs/language.md §7 "Layers and networks"): `linear`,
/// `conv1d`, `batchnorm`, `layernorm`, `dropout`, `ssa`, `mlp`, `residual`, `positional`,
/// `mean_over`, `flatten`, `unflatten`, and the spike encoders `conv_encoder`, `delta_encoder`,
/// `repeat_encoder`. Input sizes are left open: they are fixed when the network meets data.
enum LayerLibrary {
    static func builtins() -> [Builtin] {
        [
            layer("linear", "A fully connected layer x·W + b to `out` features (inputs fixed by the data).") { p in
                let out = p.declare("out", .size, doc: "output features")
                let bias = p.declare("bias", .boolean, default: true, doc: "add a learned bias b")
                return { arguments in .linear(outputs: try arguments[out], bias: try arguments[bias]) }
            },
            layer("conv1d", "A 1-D convolution over the sequence to `out` channels; causal pads on the left only.") { p in
                let out = p.declare("out", .size, doc: "output channels")
                let kernel = p.declare("kernel", .size, default: 3, doc: "the kernel's width, in positions")
                let dilation = p.declare("dilation", .size, default: 1, doc: "the spacing between the kernel's taps")
                let causal = p.declare("causal", .boolean, default: false, doc: "pad on the left only, so no position sees later ones")
                return { arguments in
                    .conv1d(
                        outputs: try arguments[out], kernel: try arguments[kernel], dilation: try arguments[dilation],
                        causal: try arguments[causal])
                }
            },
            layer("batchnorm", "Batch normalization over features (batch statistics in training, running ones after).") { _ in
                { _ in .batchNorm }
            },
            layer("layernorm", "Layer normalization over the features of each position.") { _ in { _ in .layerNorm } },
            layer("dropout", "Drops each input with probability p while training (seeded).") { p in
                let rate = p.declare("p", .number, default: 0.1, doc: "the probability of dropping an input, in [0, 1)")
                return { arguments in
                    let p = try arguments[rate]
                    guard p >= 0, p < 1 else { throw arguments.invalid(rate, "must lie in [0, 1), got \(ValueText.number(p))") }
                    return .dropout(rate: p)
                }
            },
            layer("ssa", "Spiking self-attention as in Spikformer: Q, K, V from LIF(BN(linear)), (Q K^T)·scale with no softmax.") { p in
                let heads = p.declare("heads", .size, default: 8, doc: "attention heads; they must divide the features")
                let scale = p.declare("scale", .number, default: 0.125, doc: "the factor on Q K^T")
                return { arguments in
                    let factor = try arguments[scale]
                    guard factor.isFinite, factor > 0 else { throw arguments.invalid(scale, "must be a finite positive number") }
                    return .attention(heads: try arguments[heads], scale: factor)
                }
            },
            layer("mlp", "Spikformer's MLP block: linear → BN → LIF → linear → BN → LIF, `hidden` features inside.") { p in
                let hidden = p.declare("hidden", .size, doc: "features inside the block")
                return { arguments in .mlp(hidden: try arguments[hidden]) }
            },
            layer("residual", "x + net(x): a skip connection around a layer or network.") { p in
                let net = p.declare("net", .any, doc: "the layer or network to skip around")
                return { arguments in
                    guard let inner = Evaluator.blueprint(of: try arguments[net]) else {
                        throw arguments.mismatch(net, expected: "a layer or network")
                    }
                    guard inner.nesting < Blueprint.nestingLimit else {
                        throw arguments.invalid(net, "already nests \(Blueprint.nestingLimit) residuals, the most a network may")
                    }
                    return .residual(inner)
                }
            },
            layer(
                "positional",
                "Joins a positional encoding to the input: concatenated then mapped back (CPG-PE, random code) or added (the others)."
            ) { p in
                let pe = p.declare("pe", .encoding(expected: EncodingLibrary.encodingExpected), doc: "the encoding, e.g. cpg()")
                let dropout = ModelLibrary.encodingDropoutParameter(p)
                return { arguments in .positional(try arguments[pe], dropout: try arguments[dropout]) }
            },
            layer("mean_over", "The mean over \"time\" (SNN steps) or \"length\" (positions).") { p in
                let axis = p.declare("axis", .choice(MeanOver.Axis.self), doc: "\"time\" or \"length\"")
                return { arguments in .meanOver(try arguments[axis]) }
            },
            layer("flatten", "Joins every axis after the batch into one.") { _ in { _ in .flatten } },
            layer(
                "unflatten",
                "Gives each example the shape `shape` (the same count), e.g. unflatten([8, 8]) for 64 pixels: the inverse of flatten."
            ) { p in
                let shape = p.declare("shape", .tensorShape, doc: "the sizes after the batch (and time) axes, e.g. [8, 8]")
                return { arguments in .unflatten(try arguments[shape]) }
            }
        ] + SpikeEncoder.Kind.allCases.map(encoder)
    }

    private static func encoder(_ kind: SpikeEncoder.Kind) -> Builtin {
        let how: String
        switch kind {
        case .conv: how = "a convolution over time with `steps` output channels → BN → LIF"
        case .delta: how = "x_t − x_{t−1} → BN → linear(1 → steps) → LIF"
        case .repeat: how = "the input repeated `steps` times → LIF"
        }
        return layer("\(kind.rawValue)_encoder", "A spike encoder turning a window into `steps` spike frames: \(how).") { p in
            let steps = p.declare("steps", .size, default: 4, doc: "spike frames per window (SNN time steps)")
            let neuron = p.declare("neuron", .orNone(.neuron), shown: "lif()", doc: "the encoder's neuron")
            return { arguments in
                let given = try arguments[neuron]
                let chosen: any Neuron = try given ?? arguments.engine { try LIF() }
                return .encoder(kind, steps: try arguments[steps], neuron: chosen)
            }
        }
    }

    /// A builtin that makes a layer blueprint from its arguments.
    private static func layer(
        _ name: String, _ summary: String,
        _ declare: (Declarations) -> (Arguments) throws -> Blueprint
    ) -> Builtin {
        Builtin(name, topic: .layers, summary: summary) { p in
            let make = declare(p)
            return { arguments, _ in .blueprint(try make(arguments)) }
        }
    }
}
