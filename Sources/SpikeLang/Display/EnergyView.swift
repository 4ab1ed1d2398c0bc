import SpikeEngine
import SpikePlot

/// `energy(model, data)` as a table: per layer, whether it reads spikes, firing rates, MACs,
/// synaptic operations and the energy estimate against the same network done in floats.
enum EnergyView {
    static func table(of report: EnergyReport) -> Table {
        var rows: [[Table.Cell]] = report.rows.map { row in
            [
                .text(row.stage), .text(row.spikingInput ? "spikes" : "real"),
                row.inputRate.map { .number($0) } ?? .empty, row.outputRate.map { .number($0) } ?? .empty,
                .number(row.macs), .number(row.sops), .number(row.energy / 1000), .number(row.floatEnergy / 1000)
            ]
        }
        rows.append([
            .text("total"), .empty, .empty, .empty, .number(report.totalMACs), .number(report.totalSOPs),
            .number(report.totalEnergy / 1000), .number(report.totalFloatEnergy / 1000)
        ])
        let ratio = report.totalEnergy > 0 ? report.totalFloatEnergy / report.totalEnergy : .infinity
        var table = Table(
            columns: ["layer", "input", "input rate", "output rate", "MACs", "SOPs", "energy (nJ)", "as float (nJ)"], rows: rows,
            title: "energy per example over \(report.examples) test examples: 0.9 pJ per accumulate, 4.6 pJ per MAC; "
                + "the float network would use \(String(format: "%.3g", ratio))× as much")
        table.maxRows = 200
        return table
    }
}
