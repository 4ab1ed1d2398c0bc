import SpikeEngine
import SpikePlot

/// Layers and networks written the way the language builds them:
/// `conv_encoder(steps=4) >> positional(cpg(…)) >> linear(64, bias=true) >> lif(…)`.
enum BlueprintText {
    /// The text of `blueprint`; parts nested deeper than `ValueText.depthLimit` (a
    /// `residual` wrapped millions of times in a loop) print as `…`, so the cost stays
    /// bounded by the shown text.
    static func text(of blueprint: Blueprint, depth: Int = 0) -> String {
        guard depth < ValueText.depthLimit else { return "…" }
        switch blueprint {
        case .linear(let outputs, let bias): return "linear(\(outputs), bias=\(bias))"
        case .conv1d(let outputs, let kernel, let dilation, let causal):
            return "conv1d(\(outputs), kernel=\(kernel), dilation=\(dilation), causal=\(causal))"
        case .batchNorm: return "batchnorm()"
        case .layerNorm: return "layernorm()"
        case .dropout(let rate): return "dropout(p=\(ValueText.number(rate)))"
        case .attention(let heads, let scale): return "ssa(heads=\(heads), scale=\(ValueText.number(scale)))"
        case .mlp(let hidden): return "mlp(\(hidden))"
        case .residual(let inner): return "residual(\(text(of: inner, depth: depth + 1)))"
        case .positional(let encoding, let dropout):
            return "positional(\(EngineText.encoding(encoding))" + (dropout > 0 ? ", pe_dropout=\(ValueText.number(dropout)))" : ")")
        case .meanOver(let axis): return "mean_over(\"\(axis.rawValue)\")"
        case .flatten: return "flatten()"
        case .unflatten(let shape): return "unflatten(\(shape))"
        case .neuron(let neuron): return EngineText.neuron(neuron)
        case .encoder(let kind, let steps, _): return "\(kind.rawValue)_encoder(steps=\(steps))"
        case .model(let spec): return spec.name + "(…)"
        case .sequence(let parts): return parts.map { text(of: $0, depth: depth + 1) }.joined(separator: " >> ")
        }
    }

    /// The short name of `blueprint` (`residual(linear)`), depth-bounded like `text(of:)`.
    static func name(of blueprint: Blueprint, depth: Int = 0) -> String {
        guard depth < ValueText.depthLimit else { return "…" }
        switch blueprint {
        case .residual(let inner): return "residual(\(name(of: inner, depth: depth + 1)))"
        case .sequence(let parts): return parts.map { name(of: $0, depth: depth + 1) }.joined(separator: " >> ")
        default: return blueprint.name
        }
    }

    /// A network's parts as a table (one row per part, in order); sizes that depend on the
    /// data are fixed only when the network first meets data.
    static func table(of blueprint: Blueprint) -> Table {
        let parts: [Blueprint]
        if case .sequence(let sequence) = blueprint { parts = sequence } else { parts = [blueprint] }
        let rows = parts.enumerated().map { index, part -> [Table.Cell] in
            [.number(Double(index + 1)), .text(name(of: part)), .text(text(of: part))]
        }
        return Table(columns: ["#", "layer", "as written"], rows: rows, title: "network (sizes fixed when it first meets data)")
    }
}
