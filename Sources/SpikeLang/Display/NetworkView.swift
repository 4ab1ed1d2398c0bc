import SpikeEngine
import SpikePlot

/// How a network shows: one line of text, and an HTML summary table with one row per stage
/// (layer, output shape, parameters, spiking neurons per example).
enum NetworkView {
    static func rendering(of network: Network) -> Rendering {
        guard network.isBuilt else {
            return Rendering(plain: text(of: network), html: BlueprintText.table(of: network.blueprint).html())
        }
        return Rendering(plain: text(of: network), html: table(of: network).html())
    }

    /// Unbuilt: the network as written (`linear(64, bias=true) >> lif(…)`); built, e.g.
    /// `spike_rnn: 9 layers, 15800 parameters, 1536 neurons; [48, 8] → [12, 8]`.
    static func text(of network: Network) -> String {
        let name = network.blueprint.name
        guard network.isBuilt, let input = network.exampleShape, let output = network.outputShape else {
            return BlueprintText.text(of: network.blueprint)
        }
        return "\(name): \(network.stages.count) layers, \(network.parameterCount) parameters, \(network.neuronCount) neurons; "
            + "\(EngineText.shapeText(input)) → \(EngineText.shapeText(output))"
    }

    static func table(of network: Network) -> Table {
        let columns = ["layer", "output shape", "parameters", "neurons"]
        var rows: [[Table.Cell]] = []
        for stage in network.stages {
            rows.append([
                .text(stage.name), .text(shapeText(stage.outputShape)), .number(Double(stage.parameterCount)),
                .number(Double(stage.neurons))
            ])
            for part in stage.parts {
                rows.append([
                    .text("  · " + part.name), .text(shapeText(part.outputShape)), .number(Double(part.parameterCount)),
                    .number(Double(part.neurons))
                ])
            }
        }
        rows.append([
            .text("total"), .text(shapeText([-1] + (network.outputShape ?? []))),
            .number(Double(network.parameterCount)), .number(Double(network.neuronCount))
        ])
        var table = Table(columns: columns, rows: rows, title: text(of: network))
        table.maxRows = 200
        table.significantDigits = 12
        return table
    }

    /// A shape with the batch axis (−1) shown as B: `4 × B × 48 × 64`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.map { $0 == -1 ? "B" : String($0) }.joined(separator: " × ")
    }
}
