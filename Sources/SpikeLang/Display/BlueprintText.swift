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
        case let .linear(outputs, bias): return "linear(\(outputs), bias=\(bias))"
        case let .conv1d(outputs, kernel, dilation, causal):
            return "conv1d(\(outputs), kernel=\(kernel), dilation=\(dilation), causal=\(causal))"
        case .batchNorm: return "batchnorm()"
        case .layerNorm: return "layernorm()"
        case let .dropout(rate): return "dropout(p=\(ValueText.number(rate)))"
        case let .attention(heads, scale): return "ssa(heads=\(heads), scale=\(ValueText.number(scale)))"
        case let .mlp(hidden): return "mlp(\(hidden))"
        case let .residual(inner): return "residual(\(text(of: inner, depth: depth + 1)))"
        case let .positional(encoding): return "positional(\(EngineText.encoding(encoding)))"
        case let .meanOver(axis): return "mean_over(\"\(axis.rawValue)\")"
        case .flatten: return "flatten()"
        case let .unflatten(shape): return "unflatten(\(shape))"
        case let .neuron(neuron): return EngineText.neuron(neuron)
        case let .encoder(kind, steps, _): return "\(kind.rawValue)_encoder(steps=\(steps))"
        case let .model(spec): return spec.name + "(…)"
        case let .sequence(parts): return parts.map { text(of: $0, depth: depth + 1) }.joined(separator: " >> ")
        }
    }

    /// The short name of `blueprint` (`residual(linear)`), depth-bounded like `text(of:)`.
    static func name(of blueprint: Blueprint, depth: Int = 0) -> String {
        guard depth < ValueText.depthLimit else { return "…" }
        switch blueprint {
        case let .residual(inner): return "residual(\(name(of: inner, depth: depth + 1)))"
        case let .sequence(parts): return parts.map { name(of: $0, depth: depth + 1) }.joined(separator: " >> ")
        default: return blueprint.name
        }
    }

    /// A network's parts as a table (one row per part, in order); sizes that depend on the
    /// data are fixed only when the network first meets data.
    static func table(of blueprint: Blueprint) -> Table {
        let parts: [Blueprint]
        if case let .sequence(sequence) = blueprint { parts = sequence } else { parts = [blueprint] }
        let rows = parts.enumerated().map { index, part -> [Table.Cell] in
            [.number(Double(index + 1)), .text(name(of: part)), .text(text(of: part))]
        }
        return Table(columns: ["#", "layer", "as written"], rows: rows, title: "network (sizes fixed when it first meets data)")
    }
}
