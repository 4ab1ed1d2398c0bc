import SpikeEngine
import SpikePlot

/// How scores and comparisons show: metric tables (mean ± std across seeds for a
/// comparison, with the best value per metric highlighted) and a grouped bar chart.
enum ScoresView {
    /// The metrics as a one-row table, titled with the scale they are on when it is known.
    static func rendering(of scores: Scores, scale: String? = nil) -> Rendering {
        let table = Table(
            columns: scores.named.map(\.name), rows: [scores.named.map { .number($0.value) }],
            title: scale.map { "metrics on \($0)" } ?? "")
        return Rendering(plain: table.text(), html: table.html())
    }

    static func rendering(of comparison: Comparison) -> Rendering {
        let table = self.table(of: comparison)
        let chart = Figure.bar(self.chart(of: comparison))
        return Rendering(plain: table.text(), svg: chart.svg(), html: table.html() + "\n" + chart.htmlImage())
    }

    static func table(of comparison: Comparison) -> Table {
        let rows: [[Table.Cell]] = comparison.rows.map { row in
            [.text(row.name)]
                + comparison.metricNames.map { metric in
                    row.metrics[metric].map { .meanStd(mean: $0.mean, std: $0.std) } ?? .empty
                } + [.text(RunView.duration(row.seconds.reduce(0, +) / Double(max(1, row.seconds.count))))]
        }
        var title = "test metrics over \(comparison.seeds.count) seed\(comparison.seeds.count == 1 ? "" : "s"): mean ± std"
        if let stop = comparison.interruption {
            title =
                "test metrics of the \(comparison.finishedRuns) finished runs (interrupted in run \(stop.run) of \(stop.runs)): mean ± std"
        }
        if let scale = comparison.scale { title += ", on \(scale)" }
        var table = Table(columns: ["model"] + comparison.metricNames + ["time per run"], rows: rows, title: title)
        for (index, metric) in comparison.metricNames.enumerated() {
            table.best[index + 1] = higherIsBetter(metric) ? .highest : .lowest
        }
        return table
    }

    /// Models on the x axis, one bar per headline metric (R² and RSE, or accuracy), ± std.
    static func chart(of comparison: Comparison) -> BarChart {
        let metrics = comparison.metricNames.filter { ["r2", "rse", "accuracy"].contains($0) }
        let series = metrics.map { metric in
            BarChart.Series(
                metric, values: comparison.rows.map { $0.metrics[metric]?.mean ?? .nan },
                errors: comparison.rows.map { $0.metrics[metric]?.std ?? 0 })
        }
        return BarChart(
            categories: comparison.rows.map(\.name), series: series,
            title: "test metrics (mean ± std over \(comparison.seeds.count) seeds)", xLabel: "model", yLabel: "")
    }

    static func higherIsBetter(_ metric: String) -> Bool {
        metric == "r2" || metric == "accuracy"
    }
}
