import SpikeEngine
import SpikePlot

/// How scores and comparisons show: metric tables (for a comparison: per arm the headline
/// metric's mean, 95% interval, median and failures, the others' mean ± std, the best value
/// per metric highlighted) and a grouped bar chart.
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

    /// One row per arm: its seed count; for the headline (first) metric the mean with its 95%
    /// Student-t interval, the median and the failed runs (when there is a failure rule); the
    /// other metrics as mean ± std; the mean time per run. The title says the split, the seed
    /// count, the scale and the failure rule (docs/science.md §7).
    static func table(of comparison: Comparison) -> Table {
        let metrics = comparison.metricNames
        let headline = metrics.first
        let rule = comparison.failure
        let rows: [[Table.Cell]] = comparison.rows.map { row in
            var cells: [Table.Cell] = [.text(row.name), .number(Double(row.seeds.count))]
            if let headline {
                if let samples = row.metrics[headline]?.samples {
                    let summary = SampleSummary(samples)
                    cells += [.estimate(summary.mean, low: summary.interval.low, high: summary.interval.high), .number(summary.median)]
                } else {
                    cells += [.empty, .empty]
                }
                if rule != nil { cells.append(comparison.failures(of: row).map { .text("\($0)/\(row.seeds.count)") } ?? .empty) }
            }
            cells += metrics.dropFirst().map { metric in row.metrics[metric].map { .meanStd(mean: $0.mean, std: $0.std) } ?? .empty }
            return cells + [.text(RunView.duration(row.seconds.reduce(0, +) / Double(max(1, row.seconds.count))))]
        }
        var columns = ["model", "seeds"]
        if let headline { columns += ["\(headline) mean [95% CI]", "median"] + (rule != nil ? ["failed"] : []) }
        columns += metrics.dropFirst().map { "\($0) mean ± std" } + ["time per run"]
        var table = Table(columns: columns, rows: rows, title: title(of: comparison))
        if let headline { table.best[2] = higherIsBetter(headline) ? .highest : .lowest }
        let others = 2 + (headline == nil ? 0 : 2 + (rule != nil ? 1 : 0))
        for (index, metric) in metrics.dropFirst().enumerated() {
            table.best[others + index] = higherIsBetter(metric) ? .highest : .lowest
        }
        return table
    }

    /// "test metrics over 3 seeds, on per-variate z-scores; failed: r2 < 0.3 or nan", or what
    /// an interrupted comparison finished.
    static func title(of comparison: Comparison) -> String {
        let metrics = comparison.split.map { "\($0) metrics" } ?? "metrics"
        let count = comparison.seeds.count
        var title = "\(metrics) over \(count) seed\(count == 1 ? "" : "s")"
        if let stop = comparison.interruption {
            title = "\(metrics) of the \(comparison.finishedRuns) finished runs (interrupted in run \(stop.run) of \(stop.runs))"
        }
        if let scale = comparison.scale { title += ", on \(scale)" }
        if let rule = comparison.failure { title += "; failed: \(rule) or nan" }
        return title
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
