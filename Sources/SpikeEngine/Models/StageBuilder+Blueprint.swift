/// Building a blueprint's parts into stages.
extension StageBuilder {
    /// Appends the stages of `blueprint`; `outputs` (the task's numbers per example) is given
    /// to the part that comes last, so a model there ends with a head of that size.
    mutating func build(_ blueprint: Blueprint, outputs: Int?) throws {
        switch blueprint {
        case .sequence(let parts):
            for (index, part) in parts.enumerated() {
                try build(part, outputs: index == parts.count - 1 ? outputs : nil)
            }
        case .linear(let width, let bias):
            try linear(width, bias: bias)
        case .conv1d(let width, let kernel, let dilation, let causal):
            try requireSequence("conv1d")
            let layer = try Conv1d(
                inputs: features, outputs: width, kernel: kernel, dilation: dilation, causal: causal,
                generator: &generator)
            try add("conv1d", layer, macs: rows * kernel * features * width)
        case .batchNorm:
            try add("batchnorm", try BatchNorm(features: features))
        case .layerNorm:
            try add("layernorm", try LayerNorm(features: features))
        case .dropout(let rate):
            try add("dropout", try Dropout(rate: rate), gives: .same)
        case .attention(let heads, let scale):
            try spikingAttention(heads: heads, scale: scale, neuron: try LIF(), residual: false)
        case .mlp(let hidden):
            try OptionCheck.atLeast(1, hidden, .hidden)
            try mlpBlock(hidden: hidden, neuron: try LIF(), encoding: nil, residual: false)
        case .residual(let inner):
            var body = StageBuilder(example: Array(single.dropFirst()), generator: generator)
            (body.single, body.pair, body.emitting) = (single, pair, emitting)
            try body.build(inner, outputs: nil)
            generator = body.generator
            guard body.single == single else {
                throw EngineError.shape(operation: "residual (the inner network must keep the shape)", first: shape, second: body.shape)
            }
            let layer = Residual(Sequential(body.stages.map(\.layer)))
            try add(
                "residual", layer, neurons: body.stages.reduce(0) { $0 + $1.neurons },
                macs: body.stages.reduce(0) { $0 + $1.macs }, gives: body.emitting ? .same : .real,
                parts: body.stages)
        case .positional(let encoding, let dropout):
            try positional(encoding, dropout: dropout, neuron: try LIF())
        case .meanOver(let axis):
            // Averaging an axis that is not there would average another one (the batch) silently.
            let present = axis == .time ? keepsTimeAxis : keepsLengthAxis
            guard present else {
                let origin =
                    axis == .time
                    ? "a time axis comes from a spike encoder, and one mean_over(\"time\") removes it"
                    : "positions come with the data's sequence, and one mean_over(\"length\") removes them"
                throw EngineError.value(
                    argument: .network,
                    message:
                        "has no \(axis.rawValue) axis left at mean_over(\"\(axis.rawValue)\") (the values there have shape \(shape), batch −1): \(origin)"
                )
            }
            try add("mean_over(\(axis.rawValue))", MeanOver(axis))
        case .unflatten(let example):
            let kept = (shape.firstIndex(of: -1) ?? 0) + 1
            let count = single[kept...].reduce(1, *)
            guard example.allSatisfy({ $0 >= 1 }), example.reduce(1, *) == count else {
                throw EngineError.value(
                    argument: .network,
                    message:
                        "has unflatten(\(example)), which needs \(example.reduce(1, *)) numbers per example; the values there have \(count) (shape \(shape), batch −1)"
                )
            }
            try add("unflatten", Unflatten(keeping: kept, example: example), gives: .same)
        case .flatten:
            try add("flatten", Flatten(from: shape.firstIndex(of: -1).map { $0 + 1 } ?? 1), gives: .same)
        case .neuron(let given):
            try neuron(given)
        case .encoder(let kind, let steps, let given):
            try asSequence()
            try encoder(kind, steps: steps, neuron: given)
        case .model(let spec):
            try model(spec, outputs: outputs)
        }
    }

    mutating func model(_ spec: ModelSpec, outputs: Int?) throws {
        switch spec {
        case .spikformer(let options): try spikformer(options, outputs: outputs)
        case .spikeRNN(let options): try spikeRNN(options, outputs: outputs)
        case .spikeTCN(let options): try spikeTCN(options, outputs: outputs)
        case .iSpikformer(let options): try iSpikformer(options, outputs: outputs)
        case .transformer(let options): try transformer(options, outputs: outputs)
        case .mlpNet(let options): try mlpNet(options, outputs: outputs)
        }
    }

    private func requireSequence(_ operation: String) throws {
        guard single.count >= 3 else {
            throw EngineError.shape(operation: "\(operation) (expects [..., length, features])", first: shape, second: [-1, -1, -1])
        }
    }
}
