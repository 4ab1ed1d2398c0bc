import XCTest

@testable import SpikePlot

/// Values at the edges of Double (huge, tiny, subnormal, spans that overflow) never crash a
/// figure and always give well-formed SVG.
final class ExtremeValueTests: XCTestCase {
    static let extremes: [Double] = [
        -.greatestFiniteMagnitude, .greatestFiniteMagnitude, .leastNonzeroMagnitude, -1e-300, 0, 1e300
    ]

    func testEveryFigureKindSurvivesExtremeValues() throws {
        let values = Self.extremes
        var logLine = LinePlot(y: values, x: values.indices.map { Double($0) * 1e300 })
        logLine.yScale = .log
        logLine.xScale = .log
        var heatmap = Heatmap(matrix: [values, values.reversed()])
        heatmap.range = -Double.infinity...Double.infinity
        let figures: [Figure] = [
            .line(LinePlot(y: values)), .line(logLine),
            .line(LinePlot(series: [.init(y: values, spread: values)])),
            .raster(SpikeRaster(spikeTimes: [values, [1e300, -1e300]])),
            .raster(SpikeRaster(matrix: [values])),
            .membrane(MembraneTrace(membrane: values, spikes: [true, false, true], threshold: 1e308, time: values)),
            .heatmap(heatmap), .heatmap(Heatmap(matrix: [[.greatestFiniteMagnitude, -.greatestFiniteMagnitude]])),
            .bar(BarChart(categories: ["a", "b", "c"], values: values, errors: values)),
            .scatter(ScatterPlot(x: values, y: values.reversed()))
        ]
        for figure in figures {
            XCTAssertNotNil(XMLNode.parse(figure.svg()), figure.description)
        }
    }

    func testTablesSurviveExtremeNumbersAndSettings() throws {
        var table = Table(columns: ["x"], rows: Self.extremes.map { [.number($0), .meanStd(mean: $0, std: $0)] })
        table.significantDigits = -3
        table.maxRows = -1
        table.best = [0: .highest, 7: .lowest]
        XCTAssertNotNil(XMLNode.parse(table.html()))
        XCTAssertEqual(table.text().split(separator: "\n").last, "* best in column")
    }

    func testRandomMixturesOfOrdinaryAndPathologicalDataAlwaysGiveWellFormedSVG() throws {
        var random = SeededRandom(seed: 7)
        let pool: [Double] = Self.extremes + [.nan, .infinity, -.infinity, 1, -1, 0.5, 3, 1e-9, 42]
        func values(_ count: Int) -> [Double] {
            (0..<count).map { _ in
                Bool.random(using: &random) ? Double.random(in: -10...10, using: &random) : pool.randomElement(using: &random) ?? 0
            }
        }
        for _ in 0..<150 {
            let n = Int.random(in: 0...12, using: &random)
            var line = LinePlot(series: [.init("a", y: values(n), x: values(n), spread: values(n)), .init(y: values(n))])
            line.xScale = Bool.random(using: &random) ? .log : .linear
            line.yScale = Bool.random(using: &random) ? .log : .linear
            line.markers = Bool.random(using: &random)
            var scatter = ScatterPlot(x: values(n), y: values(n))
            scatter.yScale = line.yScale
            let figures: [Figure] = [
                .line(line), .scatter(scatter),
                .raster(SpikeRaster(matrix: (0..<n).map { _ in values(n) })),
                .raster(SpikeRaster(spikeTimes: (0..<n).map { _ in values(n) }, duration: values(1).first)),
                .membrane(
                    MembraneTrace(
                        membrane: values(n), spikes: (0..<n).map { _ in Bool.random(using: &random) },
                        threshold: values(1).first, time: Bool.random(using: &random) ? values(n) : nil)),
                .heatmap(Heatmap(matrix: (0..<n).map { _ in values(Int.random(in: 0...n, using: &random)) })),
                .bar(BarChart(categories: (0..<n).map(String.init), values: values(n), errors: values(n)))
            ]
            for figure in figures {
                XCTAssertNotNil(XMLNode.parse(figure.svg()), figure.description)
            }
        }
    }
}
