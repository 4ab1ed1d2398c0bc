import Foundation
import SpikeEngine
import SpikePlot

/// The live progress bar of `train` and `compare`: shown once with a display id, then
/// replaced in place (update_display_data) at most a few times per second, and a last time
/// with the outcome. The text form doubles as the fallback outside a notebook.
final class ProgressDisplay {
    private let sink: OutputSink
    private let title: String
    private let id = "spike-progress-" + UUID().uuidString
    private let clock = ContinuousClock()
    private var lastShown: ContinuousClock.Instant?
    /// False: show nothing (`progress=false`).
    private let enabled: Bool
    /// A comparison's runs by plan index (model-major): the last progress each reported.
    private var latest: [Int: Comparison.Progress] = [:]

    init(sink: OutputSink, title: String, enabled: Bool = true) {
        self.sink = sink
        self.title = title
        self.enabled = enabled
    }

    /// After a batch: shows the bar if enough time has passed since the last update.
    func show(_ progress: TrainingProgress) {
        publish(row(progress, prefix: []), fraction: progress.fraction, force: false)
    }

    /// After a batch of one model and seed of a comparison: one row per run still training
    /// (runs in parallel each have theirs), under a bar of the whole comparison; shown at once
    /// when a run reports for the first time.
    func show(_ progress: Comparison.Progress) {
        let run = progress.modelIndex * progress.seeds + progress.seedIndex
        // A run that just started shows at once, so every run appears.
        let starting = latest.updateValue(progress, forKey: run) == nil
        let done = latest.values.reduce(0) { $0 + $1.training.fraction }
        let fraction = done / Double(max(1, progress.models * progress.seeds))
        let training = latest.keys.sorted().compactMap { latest[$0] }.filter { $0.training.fraction < 1 }
        let rows = (training.isEmpty ? [progress] : training).map { run in
            row(run.training, prefix: [("model", .text(run.model)), ("seed", .number(Double(run.seed)))])
        }
        publish(rows: rows, fraction: fraction, force: starting)
    }

    /// The final state of a training run.
    func finish(_ run: TrainingRun) {
        let outcome = RunView.summary(of: run)
        publish([("status", .text(outcome))], fraction: run.stop == .completed ? 1 : nil, force: true)
    }

    /// The final state of a comparison.
    func finish(_ comparison: Comparison) {
        let runs = comparison.finishedRuns
        let seconds = comparison.rows.flatMap(\.seconds).reduce(0, +)
        let status = "\(runs) run\(runs == 1 ? "" : "s") in \(RunView.duration(seconds))"
        publish(
            [("status", .text(status + (comparison.interruption == nil ? "" : "; interrupted")))],
            fraction: comparison.interruption == nil ? 1 : nil, force: true)
    }

    private func row(_ progress: TrainingProgress, prefix: [(String, Table.Cell)]) -> [(String, Table.Cell)] {
        prefix + [
            ("epoch", .text("\(progress.epoch)/\(progress.epochs)")),
            ("batch", .text("\(progress.batch)/\(progress.batches)")),
            ("loss", .number(progress.loss)),
            ("valid loss", progress.validLoss.map { .number($0) } ?? .empty),
            ("elapsed", .text(RunView.duration(progress.elapsed))),
            ("ETA", .text(RunView.duration(progress.remaining)))
        ]
    }

    private func publish(_ cells: [(String, Table.Cell)], fraction: Double?, force: Bool) {
        publish(rows: [cells], fraction: fraction, force: force)
    }

    /// Shows `rows` (same columns each) under one bar; the first row carries the bar.
    private func publish(rows: [[(String, Table.Cell)]], fraction: Double?, force: Bool) {
        guard enabled, let first = rows.first else { return }
        let now = clock.now
        if !force, let lastShown, now - lastShown < .milliseconds(Int(TrainingLibrary.progressInterval * 1000)) { return }
        let bar = fraction.map(Self.bar) ?? ""
        var table = Table(
            columns: (bar.isEmpty ? [] : ["progress"]) + first.map(\.0),
            rows: rows.enumerated().map { index, cells in
                (bar.isEmpty ? [] : [.text(index == 0 ? bar : "")]) + cells.map(\.1)
            }, title: title)
        table.significantDigits = 4
        let plain = rows.enumerated().map { index, cells in
            ([index == 0 ? title : "", index == 0 ? bar : ""] + cells.map { "\($0.0) \(Self.text($0.1))" })
                .filter { !$0.isEmpty }.joined(separator: " · ")
        }.joined(separator: "\n")
        let rendering = Rendering(plain: plain, html: table.html())
        if lastShown == nil {
            sink.display(rendering, id: id)
        } else {
            sink.update(rendering, id: id)
        }
        lastShown = now
    }

    /// A 20-cell bar and percentage, e.g. `██████░░░░░░░░░░░░░░ 30%`.
    static func bar(_ fraction: Double) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let filled = Int((clamped * 20).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
            + " \(Int((clamped * 100).rounded(.down)))%"
    }

    private static func text(_ cell: Table.Cell) -> String {
        switch cell {
        case .number(let number): return String(format: "%.4g", number)
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .meanStd(let mean, let std): return String(format: "%.4g ± %.2g", mean, std)
        case .estimate(let value, let low, let high): return String(format: "%.4g [%.4g, %.4g]", value, low, high)
        case .empty: return "–"
        }
    }
}
