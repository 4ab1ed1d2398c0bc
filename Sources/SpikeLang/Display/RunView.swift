import Foundation
import SpikeEngine
import SpikePlot

/// How a training run shows: its loss curves (train and validation per epoch; per step when
/// there is a single epoch) and a table of what it reached.
enum RunView {
    static func rendering(of run: TrainingRun) -> Rendering {
        let figure = Figure.line(curves(of: run))
        return Rendering(plain: summary(of: run), svg: figure.svg(), html: table(of: run).html() + "\n" + figure.htmlImage())
    }

    /// e.g. `spikformer: 5 epochs in 12.3 s, best epoch 4 (valid loss 0.3214); completed`.
    static func summary(of run: TrainingRun) -> String {
        var text = "\(run.model): \(run.epochs.count) epoch\(run.epochs.count == 1 ? "" : "s") in \(duration(run.seconds))"
        if let best = run.bestEpoch, let loss = run.bestValidLoss {
            text += ", best epoch \(best) (valid loss \(String(format: "%.4g", loss)))"
        }
        return text + "; " + stopText(run.stop)
    }

    static func stopText(_ stop: StopReason) -> String {
        switch stop {
        case .completed: return "completed"
        case .earlyStopped(let epoch): return "stopped early after epoch \(epoch)"
        case .interrupted: return "interrupted (best weights kept)"
        }
    }

    static func table(of run: TrainingRun) -> Table {
        let rows: [[Table.Cell]] = run.epochs.map { epoch in
            [.number(Double(epoch.epoch)), .number(epoch.trainLoss), .number(epoch.validLoss), .text(duration(epoch.seconds)),
             .text(epoch.epoch == run.bestEpoch ? "best" : "")]
        }
        var table = Table(columns: ["epoch", "train loss", "valid loss", "time", ""], rows: rows, title: summary(of: run))
        table.best = [2: .lowest]
        return table
    }

    static func curves(of run: TrainingRun) -> LinePlot {
        let loss = run.task == "classification" ? "cross-entropy" : "MSE"
        if run.epochs.count < 2 {
            let steps = run.stepLosses.indices.map { Double($0 + 1) }
            return LinePlot(series: [.init("train (per step)", y: run.stepLosses, x: steps)],
                            title: "\(run.model): training loss", xLabel: "step", yLabel: loss)
        }
        let epochs = run.epochs.map { Double($0.epoch) }
        var plot = LinePlot(series: [.init("train", y: run.epochs.map(\.trainLoss), x: epochs),
                                     .init("valid", y: run.epochs.map(\.validLoss), x: epochs)],
                            title: "\(run.model): loss per epoch", xLabel: "epoch", yLabel: loss)
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
