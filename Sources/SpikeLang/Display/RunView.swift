import Foundation
import SpikeEngine
import SpikePlot

/// How a training run shows: its loss curves (train and validation per epoch; per step when
/// there is a single epoch), the validation accuracy per epoch for classification, and a
/// table of what it reached.
enum RunView {
    static func rendering(of run: TrainingRun) -> Rendering {
        let figure = self.figure(of: run)
        return Rendering(plain: summary(of: run), svg: figure.svg(), html: table(of: run).html() + "\n" + figure.htmlImage())
    }

    /// e.g. `spikformer: 5 epochs in 12.3 s, best epoch 4 (valid loss 0.3214); completed`.
    static func summary(of run: TrainingRun) -> String {
        var text = "\(run.model): \(run.epochs.count) epoch\(run.epochs.count == 1 ? "" : "s") in \(duration(run.seconds))"
        if let best = run.bestEpoch, let loss = run.bestValidLoss {
            text += ", best epoch \(best) (valid loss \(String(format: "%.4g", loss)))"
        }
        return text + "; " + stopText(of: run)
    }

    /// `completed`, `stopped early after epoch 7`, or for an interrupted run where it stopped
    /// and which weights the network kept.
    static func stopText(of run: TrainingRun) -> String {
        switch run.stop {
        case .completed: return "completed"
        case .earlyStopped(let epoch): return "stopped early after epoch \(epoch)"
        case .interrupted:
            let weights = run.bestEpoch.map { "best epoch \($0)'s weights kept" } ?? "no epoch finished, weights as interrupted"
            return "interrupted in epoch \(run.interruptedEpoch ?? run.epochs.count + 1) (\(weights))"
        }
    }

    /// Whether the run's epochs carry a validation accuracy (classification).
    static func hasAccuracy(_ run: TrainingRun) -> Bool {
        run.epochs.contains { $0.validAccuracy != nil }
    }

    static func table(of run: TrainingRun) -> Table {
        let accuracy = hasAccuracy(run)
        let rows: [[Table.Cell]] = run.epochs.map { epoch in
            [.number(Double(epoch.epoch)), .number(epoch.trainLoss), .number(epoch.validLoss)]
                + (accuracy ? [epoch.validAccuracy.map { .number($0) } ?? .empty] : [])
                + [.text(duration(epoch.seconds)), .text(epoch.epoch == run.bestEpoch ? "best" : "")]
        }
        let columns = ["epoch", "train loss", "valid loss"] + (accuracy ? ["valid accuracy"] : []) + ["time", ""]
        var table = Table(columns: columns, rows: rows, title: summary(of: run))
        table.best = [2: .lowest]
        if accuracy { table.best[3] = .highest }
        return table
    }

    /// The loss curves, beside the validation accuracy per epoch for a classification run.
    static func figure(of run: TrainingRun) -> Figure {
        guard hasAccuracy(run) else { return .line(curves(of: run)) }
        return .grid(
            FigureGrid(
                panels: [.line(curves(of: run)), .line(accuracyCurve(of: run))], columns: 2,
                title: "\(run.model): training"))
    }

    static func curves(of run: TrainingRun) -> LinePlot {
        let loss = run.task == "classification" ? "cross-entropy" : "MSE"
        if run.epochs.count < 2 {
            let steps = run.stepLosses.indices.map { Double($0 + 1) }
            return LinePlot(
                series: [.init("train (per step)", y: run.stepLosses, x: steps)],
                title: "\(run.model): training loss", xLabel: "step", yLabel: loss)
        }
        let epochs = run.epochs.map { Double($0.epoch) }
        var plot = LinePlot(
            series: [
                .init("train", y: run.epochs.map(\.trainLoss), x: epochs),
                .init("valid", y: run.epochs.map(\.validLoss), x: epochs)
            ],
            title: "\(run.model): loss per epoch", xLabel: "epoch", yLabel: loss)
        plot.markers = true
        return plot
    }

    /// Validation accuracy per epoch (classification runs).
    static func accuracyCurve(of run: TrainingRun) -> LinePlot {
        let finished = run.epochs.filter { $0.validAccuracy != nil }
        var plot = LinePlot(
            series: [
                .init(
                    "valid accuracy", y: finished.map { $0.validAccuracy ?? .nan },
                    x: finished.map { Double($0.epoch) })
            ],
            title: "\(run.model): valid accuracy per epoch", xLabel: "epoch", yLabel: "accuracy")
        plot.markers = true
        return plot
    }

    /// Seconds as `850 ms`, `12.3 s` or `4 min 05 s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }
}
