/// What a network is made of, before it has met data: layers and models with their options,
/// composed in order (the language's `a >> b`). A `Network` builds a blueprint into layers
/// once the input and output sizes are known.
///
///     .sequence([.encoder(.conv, steps: 4, neuron: lif), .positional(.standardCPG),
///                .neuron(lif), .meanOver(.time), .meanOver(.length), .linear(outputs: 12, bias: true)])
///
/// Sizes that depend on the data (input features, the width of a concatenated encoding, the
/// output head) are inferred when building; everything else is fixed here.
public indirect enum Blueprint: Equatable, Sendable {
    /// x·W + b over the last axis to `outputs` features.
    case linear(outputs: Int, bias: Bool)
    /// A 1-D convolution over the length axis (`causal` pads on the left only).
    case conv1d(outputs: Int, kernel: Int, dilation: Int, causal: Bool)
    case batchNorm
    case layerNorm
    case dropout(rate: Double)
    /// Spikformer's spiking self-attention (no softmax).
    case attention(heads: Int, scale: Double)
    /// Spikformer's MLP block with `hidden` features.
    case mlp(hidden: Int)
    /// x + inner(x).
    case residual(Blueprint)
    /// A positional encoding, concatenated (then mapped back to the width) or added, with the
    /// reference's dropout inside it at `dropout` (0: none; docs/science.md §6).
    case positional(PositionalEncoding, dropout: Double = 0)
    case meanOver(MeanOver.Axis)
    /// Every axis after the batch joined into one.
    case flatten
    /// Everything after the batch given the shape `example` (the same count): `[64]` → `[8, 8]`.
    case unflatten([Int])
    /// A spiking neuron layer over the time axis.
    case neuron(any Neuron)
    /// A spike encoder [B, L, C] → [T, B, L, C].
    case encoder(SpikeEncoder.Kind, steps: Int, neuron: any Neuron)
    /// A whole model; it ends with a linear head to the task's outputs when it comes last.
    case model(ModelSpec)
    /// Parts applied one after another.
    case sequence([Blueprint])

    /// `a >> b`: the blueprint applying `self`, then `next` (sequences are flattened).
    public func then(_ next: Blueprint) -> Blueprint {
        let head: [Blueprint]
        if case .sequence(let parts) = self { head = parts } else { head = [self] }
        if case .sequence(let parts) = next { return .sequence(head + parts) }
        return .sequence(head + [next])
    }

    /// How deep `residual`s may nest. Release and building recurse once per level,
    /// so the language refuses deeper blueprints (a `residual` wrapped in a loop millions of
    /// times would overflow the stack) instead of crashing on them later.
    public static let nestingLimit = 1_000

    /// How many `residual`s are nested inside one another at the deepest point (0 for a plain
    /// layer). Walks the parts with a worklist, so it never recurses itself.
    public var nesting: Int {
        var deepest = 0
        var pending: [(Blueprint, Int)] = [(self, 0)]
        while let (part, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            if case .residual(let inner) = part { pending.append((inner, depth + 1)) }
            if case .sequence(let parts) = part { pending.append(contentsOf: parts.map { ($0, depth) }) }
        }
        return deepest
    }

    /// The name the language gives this part (`linear`, `spikformer`, ...); parts nested
    /// deeper than `nameDepthLimit` read `…`.
    public var name: String { name(depth: 0) }

    /// How deep `name` spells the parts out (so it fits a 512 KB stack and a line).
    static let nameDepthLimit = 100

    private func name(depth: Int) -> String {
        guard depth < Blueprint.nameDepthLimit else { return "…" }
        switch self {
        case .linear: return "linear"
        case .conv1d: return "conv1d"
        case .batchNorm: return "batchnorm"
        case .layerNorm: return "layernorm"
        case .dropout: return "dropout"
        case .attention: return "ssa"
        case .mlp: return "mlp"
        case .residual(let inner): return "residual(\(inner.name(depth: depth + 1)))"
        case .positional(let encoding, _): return "positional(\(encoding.name))"
        case .meanOver(let axis): return "mean_over(\(axis.rawValue))"
        case .flatten: return "flatten"
        case .unflatten: return "unflatten"
        case .neuron(let neuron): return neuron.builtinName
        case .encoder(let kind, _, _): return "\(kind.rawValue)_encoder"
        case .model(let spec): return spec.name
        case .sequence(let parts): return parts.map { $0.name(depth: depth + 1) }.joined(separator: " >> ")
        }
    }

    /// Structural equality, compared with a worklist of pairs so deep nesting never recurses.
    public static func == (lhs: Blueprint, rhs: Blueprint) -> Bool {
        var pending = [(lhs, rhs)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.residual(let x), .residual(let y)): pending.append((x, y))
            case (.sequence(let x), .sequence(let y)):
                guard x.count == y.count else { return false }
                pending.append(contentsOf: zip(x, y))
            case (.linear(let x1, let x2), .linear(let y1, let y2)): guard x1 == y1, x2 == y2 else { return false }
            case (.conv1d(let x1, let x2, let x3, let x4), .conv1d(let y1, let y2, let y3, let y4)):
                guard x1 == y1, x2 == y2, x3 == y3, x4 == y4 else { return false }
            case (.batchNorm, .batchNorm), (.layerNorm, .layerNorm), (.flatten, .flatten): continue
            case (.dropout(let x), .dropout(let y)): guard x == y else { return false }
            case (.attention(let x1, let x2), .attention(let y1, let y2)): guard x1 == y1, x2 == y2 else { return false }
            case (.mlp(let x), .mlp(let y)): guard x == y else { return false }
            case (.positional(let x1, let x2), .positional(let y1, let y2)): guard x1 == y1, x2 == y2 else { return false }
            case (.meanOver(let x), .meanOver(let y)): guard x == y else { return false }
            case (.unflatten(let x), .unflatten(let y)): guard x == y else { return false }
            case (.neuron(let x), .neuron(let y)): guard x.isEqual(to: y) else { return false }
            case (.encoder(let x1, let x2, let x3), .encoder(let y1, let y2, let y3)):
                guard x1 == y1, x2 == y2, x3.isEqual(to: y3) else { return false }
            case (.model(let x), .model(let y)): guard x == y else { return false }
            default: return false
            }
        }
        return true
    }
}
