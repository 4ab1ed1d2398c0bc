import Foundation

@testable import SpikePlot

/// Canonical figures used by the snapshot, XML-structure and browser tests: one of each kind,
/// built from deterministic data (no randomness, no transcendental functions in snapshot data).
enum Gallery {
    /// Training-style loss curves: two named series, the second with a ± band.
    static var lossCurves: LinePlot {
        let epochs = (0..<40).map(Double.init)
        let train = epochs.map { 2.0 / (1 + $0 * 0.35) + 0.05 }
        let valid = epochs.map { 2.2 / (1 + $0 * 0.25) + 0.12 }
        let spread = epochs.map { 0.2 / (1 + $0 * 0.2) }
        var plot = LinePlot(
            series: [
                .init("train", y: train, x: epochs),
                .init("valid", y: valid, x: epochs, spread: spread)
            ], title: "Loss per epoch", xLabel: "epoch", yLabel: "MSE")
        plot.markers = false
        return plot
    }

    /// A CPG-like code: neuron n fires at every step t where (t + n) mod (n + 2) == 0.
    static var raster: SpikeRaster {
        let matrix = (0..<10).map { neuron in
            (0..<96).map { step in (step + neuron) % (neuron + 2) == 0 ? 1.0 : 0.0 }
        }
        return SpikeRaster(matrix: matrix, title: "Spike raster")
    }

    /// A LIF neuron (β = 0.8, threshold 1, reset to zero) driven by a constant 0.3.
    static var membrane: MembraneTrace {
        var potential = 0.0
        var membrane: [Double] = []
        var spikes: [Bool] = []
        for _ in 0..<40 {
            potential = 0.8 * potential + 0.3
            let fired = potential >= 1
            membrane.append(potential)
            spikes.append(fired)
            if fired { potential = 0 }
        }
        return MembraneTrace(membrane: membrane, spikes: spikes, threshold: 1, title: "LIF membrane")
    }

    /// A signed 24 × 10 matrix (diverging colours) with a caption on the colour bar.
    static var heatmap: Heatmap {
        let matrix: [[Double]] = (0..<24).map { (row: Int) -> [Double] in
            (0..<10).map { (column: Int) -> Double in
                let level: Int = (row * 7 + column * 3) % 11 - 5
                return Double(level) / 5
            }
        }
        var map = Heatmap(matrix: matrix, title: "Encoding", xLabel: "channel", yLabel: "position")
        map.valueLabel = "value"
        return map
    }

    /// Grouped bars with error bars.
    static var bars: BarChart {
        BarChart(
            categories: ["none", "sinusoidal", "relative", "cpg"],
            series: [
                .init("r2", values: [0.81, 0.86, 0.84, 0.9], errors: [0.02, 0.01, 0.03, 0.015]),
                .init("accuracy", values: [0.7, 0.74, 0.72, 0.79], errors: [0.03, 0.02, 0.02, 0.01])
            ], title: "Encodings compared", yLabel: "score")
    }

    /// Two point clouds on a grid of rational coordinates.
    static var scatter: ScatterPlot {
        let firstX: [Double] = (0..<60).map { (i: Int) -> Double in Double(i % 12) / 2 }
        let firstY: [Double] = (0..<60).map { (i: Int) -> Double in Double((i * 7) % 13) / 3 }
        let secondX: [Double] = (0..<40).map { (i: Int) -> Double in Double(i % 10) / 2 + 1 }
        let secondY: [Double] = (0..<40).map { (i: Int) -> Double in Double((i * 5) % 11) / 2 }
        return ScatterPlot(
            series: [
                .init("cpg", x: firstX, y: firstY),
                .init("sinusoidal", x: secondX, y: secondY)
            ], title: "Codes vs error", xLabel: "distinct codes", yLabel: "error")
    }

    /// Small multiples of four kinds.
    static var grid: FigureGrid {
        var line = lossCurves
        line.title = "Loss"
        var raster = raster
        raster.title = "Spikes"
        return FigureGrid(
            panels: [.line(line), .raster(raster), .heatmap(heatmap), .bar(bars)], columns: 2,
            title: "Small multiples")
    }

    /// A log-scale plot with markers, a gap from NaN and a hostile title.
    static var logMarkers: LinePlot {
        let x = (1...12).map { Double($0) }
        var plot = LinePlot(
            series: [
                .init("2ⁿ", y: x.map { pow(2, $0) }, x: x),
                .init("n³ <b>&</b>", y: x.map { $0 == 6 ? .nan : $0 * $0 * $0 }, x: x)
            ], title: "Growth <script>alert(1)</script> “quoted” عربى 🧠", xLabel: "n", yLabel: "value")
        plot.yScale = .log
        plot.markers = true
        return plot
    }

    /// 100 000 noisy points: drawn thinned per pixel column.
    static var hundredThousand: LinePlot {
        var state: UInt64 = 42
        let y = (0..<100_000).map { i -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            return sin(Double(i) / 8000) + 0.3 * noise
        }
        return LinePlot(y: y, title: "100 000 points", xLabel: "sample", yLabel: "signal")
    }

    /// A results table: text, mean ± std, numbers, booleans, a best value per metric, truncation.
    static var table: Table {
        let models = ["cpg", "sinusoidal", "relative", "none", "random <code>"]
        let rows: [[Table.Cell]] = models.enumerated().map { index, model in
            let i = Double(index)
            return [
                .text(model), .meanStd(mean: 0.91 - 0.013 * i, std: 0.004 + 0.002 * i),
                .number(0.0871 + 0.0123 * i), .number(1234.5 * (i + 1)), .bool(index < 3)
            ]
        }
        var table = Table(columns: ["model", "r2", "mse", "params", "spiking"], rows: rows, title: "Electricity, 3 seeds")
        table.best = [1: .highest, 2: .lowest]
        table.maxRows = 4
        return table
    }

    /// Figures only looked at in the browser (not snapshotted).
    static var showcase: [(name: String, figure: Figure)] {
        let pe: [[Double]] = (0..<96).map { (position: Int) -> [Double] in
            (0..<16).map { (channel: Int) -> Double in
                let frequency: Double = pow(100, Double(channel / 2 * 2) / 16)
                return sin(Double(position) / frequency + Double(channel % 2) * Double.pi / 2)
            }
        }
        let large: [[Double]] = (0..<400).map { (row: Int) -> [Double] in
            (0..<300).map { (column: Int) -> Double in Double(row * column % 97) }
        }
        var random: UInt64 = 9
        func uniform() -> Double {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(random >> 11) / Double(1 << 53)
        }
        let bigRaster: [[Double]] = (0..<120).map { (neuron: Int) -> [Double] in
            (0..<500).map { (step: Int) -> Double in uniform() < 0.02 + 0.03 * Double(neuron % 4) ? 1 : 0 }
        }
        let manySeries: [LinePlot.Series] = (0..<8).map { (k: Int) -> LinePlot.Series in
            LinePlot.Series("seed \(k)", y: (0..<50).map { (i: Int) -> Double in Double(k) * 0.3 + sin(Double(i) / 6 + Double(k)) })
        }
        let categories = (0..<20).map { "layer \($0)" }
        let rates: [Double] = (0..<20).map { (i: Int) -> Double in 0.05 + 0.4 * uniform() }
        var charge = 0.0
        var lifCharge: [Double] = []
        var lifSpikes: [Bool] = []
        for _ in 0..<20 {
            charge += (1.2 - charge) / 2
            lifCharge.append(charge)
            lifSpikes.append(charge >= 1)
            if charge >= 1 { charge = 0 }
        }
        let lif = MembraneTrace(
            membrane: lifCharge, spikes: lifSpikes, threshold: 1,
            time: (1...20).map(Double.init), title: "LIF τ=2, input 1.2")
        let sweep: [[Double]] = (0..<5).map { (tau: Int) -> [Double] in
            (0..<6).map { (pairs: Int) -> Double in 0.6 + 0.05 * Double(pairs) - 0.02 * Double((tau - 2) * (tau - 2)) }
        }
        var sweepMap = Heatmap(matrix: sweep, title: "R² over a sweep", xLabel: "pairs index", yLabel: "tau index")
        sweepMap.valueLabel = "R²"
        return all + [
            ("heatmap-sweep", .heatmap(sweepMap)),
            ("membrane-lif", .membrane(lif)),
            ("raster-big", .raster(SpikeRaster(matrix: bigRaster, title: "120 neurons × 500 steps"))),
            ("many-series", .line(LinePlot(series: manySeries, title: "Eight seeds", xLabel: "step", yLabel: "value"))),
            ("bars-many", .bar(BarChart(categories: categories, values: rates, title: "Firing rate per layer", yLabel: "rate"))),

            ("log-markers", .line(logMarkers)), ("hundred-thousand", .line(hundredThousand)),
            ("heatmap-sinusoidal", .heatmap(Heatmap(matrix: pe, title: "Sinusoidal PE", xLabel: "channel", yLabel: "position"))),
            ("heatmap-large", .heatmap(Heatmap(matrix: large, title: "400 × 300 as block means")))
        ]
    }

    /// Every canonical figure with a file-friendly name.
    static var all: [(name: String, figure: Figure)] {
        [
            ("line", .line(lossCurves)),
            ("raster", .raster(raster)),
            ("membrane", .membrane(membrane)),
            ("heatmap", .heatmap(heatmap)),
            ("bars", .bar(bars)),
            ("scatter", .scatter(scatter)),
            ("grid", .grid(grid)),
            ("forest", .forest(forest))
        ]
    }

    /// Paired differences of two comparisons in two settings, one interval crossing zero.
    static var forest: ForestPlot {
        ForestPlot(
            rows: [
                .init("cpg − sinusoidal", estimate: 0.012, low: -0.0041, high: 0.0281, count: 48, group: "traffic, horizon 6"),
                .init("cpg − none", estimate: 0.0312, low: 0.0121, high: 0.0503, count: 48, group: "traffic, horizon 6"),
                .init("cpg − sinusoidal", estimate: -0.0035, low: -0.0198, high: 0.0128, count: 48, group: "solar, horizon 24"),
                .init("cpg − none", estimate: 0.0254, low: 0.0049, high: 0.0459, count: 48, group: "solar, horizon 24")
            ], title: "Paired R² differences <per seed>", xLabel: "difference in r2 (95% CI)")
    }
}
