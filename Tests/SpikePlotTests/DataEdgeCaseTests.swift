import Foundation
import XCTest

@testable import SpikePlot

/// NaN and infinities, empty data, mismatched lengths and very long lines.
final class DataEdgeCaseTests: XCTestCase {
    func testNonFiniteValuesBreakTheLineAndAreCountedInAVisibleNote() throws {
        let plot = LinePlot(y: [1, 2, .nan, 4, 5, .infinity, 7, 8])
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let line = try XCTUnwrap(root.all.first { $0.attributes["class"] == "series" })
        XCTAssertEqual((line.attributes["d"] ?? "").filter { $0 == "M" }.count, 3, "three runs of finite points")
        XCTAssertTrue(root.elements("text").contains { $0.text.contains("2 non-finite values skipped") })
        XCTAssertTrue(plot.description.contains("2 non-finite values skipped"), plot.description)
        XCTAssertFalse(plot.svg().contains("nan") || plot.svg().contains("inf"))
    }

    func testAllNonFiniteDataGivesAValidFigureWithAMessage() throws {
        let root = try XCTUnwrap(XMLNode.parse(LinePlot(y: [.nan, -.infinity]).svg()))
        XCTAssertTrue(root.elements("text").contains { $0.text == "no finite data to plot" })
        XCTAssertTrue(root.elements("text").contains { $0.text.contains("2 non-finite values skipped") })
    }

    func testEmptyDataGivesEmptyButValidFiguresWithAMessage() throws {
        let figures: [(Figure, String)] = [
            (.line(LinePlot(series: [], title: "t")), "no data"),
            (.line(LinePlot(y: [])), "no finite data to plot"),
            (.raster(SpikeRaster(matrix: [])), "no neurons"),
            (.membrane(MembraneTrace(membrane: [])), "no data")
        ]
        for (figure, message) in figures {
            let root = try XCTUnwrap(XMLNode.parse(figure.svg()))
            XCTAssertTrue(root.elements("text").contains { $0.text == message }, "\(figure.description)")
        }
    }

    func testValuesAtOrBelowZeroAreSkippedOnALogAxisWithANote() throws {
        var plot = LinePlot(y: [0.01, 0.1, 0, -3, 10, 100])
        plot.yScale = .log
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let texts = root.elements("text").map(\.text)
        XCTAssertTrue(texts.contains { $0.contains("2 non-positive values skipped") }, "\(texts)")
        XCTAssertTrue(texts.contains("0.01") && texts.contains("100"), "\(texts)")
    }

    func testAFixedRangeSetsTheAxesAndClipsWhatLiesOutside() throws {
        var plot = LinePlot(y: [0, 5, 20, 3])
        plot.xRange = 0...100
        plot.yRange = 0...10
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let texts = root.elements("text").map(\.text)
        XCTAssertEqual(texts, ["0", "20", "40", "60", "80", "100", "0", "2", "4", "6", "8", "10"])
        let clipped = try XCTUnwrap(root.all.first { $0.attributes["clip-path"] != nil })
        XCTAssertEqual(clipped.children.filter { $0.attributes["class"] == "series" }.count, 1)
        var unusable = LinePlot(y: [1, 2])
        unusable.yScale = .log
        unusable.yRange = -1...10
        let fallback = try XCTUnwrap(XMLNode.parse(unusable.svg()))
        XCTAssertEqual(fallback.elements("text").map(\.text).suffix(2), ["1", "10"], "falls back to the data range")
    }

    func testALongTitleIsCentredOnTheFigureAndCutToItsWidth() throws {
        let long = "Distinct codes in 672 positions (rows: tau 100, 1000, 5000, 10000; columns: 5, 10, 20 pairs)"
        let root = try XCTUnwrap(XMLNode.parse(Heatmap(matrix: [[1, 2], [3, 4]], title: long).svg()))
        let title = try XCTUnwrap(root.elements("text").first { $0.attributes["font-weight"] == "600" })
        XCTAssertEqual(title.attributes["x"], "320")
        XCTAssertTrue(title.text.hasSuffix("…"))
        XCTAssertLessThanOrEqual(TextMetrics.width(title.text, fontSize: Theme.titleSize) * 1.18, 620)
        let short = try XCTUnwrap(XMLNode.parse(Heatmap(matrix: [[1, 2]], title: "PE").svg()))
        let centred = try XCTUnwrap(short.elements("text").first { $0.attributes["font-weight"] == "600" })
        XCTAssertNotEqual(centred.attributes["x"], "320", "a short title centres over the plot, not the card")
    }

    func testLongAxisLabelsAreCutToTheAxisLengthWithAnEllipsis() throws {
        let long = String(repeating: "membrane potential ", count: 20)
        let plot = LinePlot(y: [1, 2], title: long, xLabel: long, yLabel: long)
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let labels = root.elements("text").map(\.text).filter { $0.hasPrefix("membrane") }
        XCTAssertEqual(labels.count, 3)
        for label in labels {
            XCTAssertTrue(label.hasSuffix("…"), label)
            XCTAssertLessThanOrEqual(TextMetrics.width(label, fontSize: Theme.labelSize), 640, label)
        }
    }

    func testMismatchedXAndYLengthsPlotTheCommonPrefixAndSaySo() throws {
        let plot = LinePlot(series: [.init("a", y: [1, 2, 3, 4], x: [0, 1])])
        XCTAssertTrue(plot.description.contains("2 x values for 4 y values, 2 plotted"), plot.description)
        XCTAssertNotNil(XMLNode.parse(plot.svg()))
    }

    func testAHundredThousandPointLineRendersUnderItsSizeBudgetWithItsExtremesKept() throws {
        let count = 100_000
        let y = (0..<count).map { i in sin(Double(i) * 0.001) + (i == 54_321 ? 5 : 0) }
        let svg = LinePlot(y: y, title: "100k").svg()
        XCTAssertLessThan(svg.utf8.count, 64_000)
        let root = try XCTUnwrap(XMLNode.parse(svg))
        XCTAssertEqual(root.all.filter { $0.attributes["class"] == "series" }.count, 1)
        let four = try XCTUnwrap(root.elements("text").first { $0.text == "4" }, "the outlier sets the y range")
        let fourY = try XCTUnwrap(Double(four.attributes["y"] ?? "")) - Theme.fontSize * 0.35
        let line = try XCTUnwrap(root.all.first { $0.attributes["class"] == "series" }?.attributes["d"])
        let numbers = line.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        XCTAssertLessThan(ys.min() ?? .infinity, fourY, "the single outlier point survives decimation")
    }

    func testAHundredThousandPointScatterStaysUnderItsSizeBudget() throws {
        var state: UInt64 = 1
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let x = (0..<100_000).map { _ in next() }
        let y = (0..<100_000).map { _ in next() }
        let svg = ScatterPlot(x: x, y: y).svg()
        XCTAssertLessThan(svg.utf8.count, 400_000)
        XCTAssertNotNil(XMLNode.parse(svg))
    }

    func testRasterWithThousandsOfSpikesStaysCompact() throws {
        let matrix = (0..<50).map { neuron in (0..<1000).map { step in (step * 7 + neuron * 3) % 5 == 0 ? 1.0 : 0.0 } }
        let raster = SpikeRaster(matrix: matrix)
        XCTAssertEqual(raster.spikeCount, 10_000)
        let svg = raster.svg()
        XCTAssertLessThan(svg.utf8.count, 160_000)
        XCTAssertNotNil(XMLNode.parse(svg))
    }

    func testRasterFromSpikeTimesSkipsNonFiniteTimes() throws {
        let raster = SpikeRaster(spikeTimes: [[0.5, .nan, 3], [], [2]], duration: 4)
        XCTAssertEqual(raster.spikeCount, 3)
        XCTAssertTrue(raster.description.contains("1 non-finite value skipped"), raster.description)
        XCTAssertNotNil(XMLNode.parse(raster.svg()))
    }
}
