import XCTest

@testable import SpikePlot

/// Every figure kind parses as XML and has its parts: a sized root, axes, ticks, one path per
/// series, legend entries.
final class FigureStructureTests: XCTestCase {
    func testEveryCanonicalFigureIsWellFormedSelfContainedSVG() throws {
        for (name, figure) in Gallery.all {
            let root = try XCTUnwrap(XMLNode.parse(figure.svg()), name)
            XCTAssertEqual(root.name, "svg", name)
            XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg", name)
            let (width, height) = figure.size
            XCTAssertEqual(root.attributes["viewBox"], "0 0 \(width) \(height)", name)
            XCTAssertEqual(root.attributes["width"], String(width), name)
            XCTAssertEqual(root.attributes["height"], String(height), name)
            XCTAssertTrue(root.elements("script").isEmpty && root.elements("style").isEmpty, name)
            XCTAssertFalse(root.all.contains { $0.attributes["href"] != nil || $0.attributes["xlink:href"] != nil }, name)
            XCTAssertEqual(root.elements("title").first?.text, figure.description, name)
        }
    }

    func testALinePlotHasOnePathPerSeriesALegendEntryPerSeriesAndLabelledTicks() throws {
        let root = try XCTUnwrap(XMLNode.parse(Gallery.lossCurves.svg()))
        XCTAssertEqual(root.all.filter { $0.attributes["class"] == "series" }.count, 2)
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        XCTAssertEqual(legend.elements("text").map(\.text), ["train", "valid"])
        let texts = root.elements("text").map(\.text)
        for expected in ["0", "10", "20", "30", "0.5", "1.0", "1.5", "2.0", "epoch", "MSE", "Loss per epoch"] {
            XCTAssertTrue(texts.contains(expected), "missing text \(expected) in \(texts)")
        }
        XCTAssertEqual(root.all.filter { $0.attributes["fill-opacity"] != nil }.count, 1, "one band")
    }

    func testSeriesCarryTheirNameAsAHoverTitle() throws {
        let line = try XCTUnwrap(XMLNode.parse(Gallery.lossCurves.svg()))
        XCTAssertEqual(line.all.filter { $0.attributes["class"] == "series" }.map { $0.elements("title").first?.text }, ["train", "valid"])
        let bars = try XCTUnwrap(XMLNode.parse(Gallery.bars.svg()))
        XCTAssertEqual(bars.all.filter { $0.attributes["class"] == "bars" }.map { $0.elements("title").first?.text }, ["r2", "accuracy"])
        let raster = try XCTUnwrap(XMLNode.parse(Gallery.raster.svg()))
        let neuron = try XCTUnwrap(raster.all.first { $0.attributes["class"] == "spikes" }?.children.first)
        XCTAssertEqual(neuron.elements("title").first?.text, "neuron 0: 48 spikes")
    }

    func testSeriesColoursDifferAndComeFromTheColourBlindSafePalette() throws {
        let root = try XCTUnwrap(XMLNode.parse(Gallery.lossCurves.svg()))
        let colours = root.all.filter { $0.attributes["class"] == "series" }.compactMap { $0.attributes["stroke"] }
        XCTAssertEqual(colours, Array(Theme.palette.prefix(2)))
    }

    func testLinesPastThePaletteRepeatColoursButWithADashPatternAlsoInTheLegend() throws {
        let series = (0..<9).map { LinePlot.Series("s\($0)", y: [0, Double($0)]) }
        let root = try XCTUnwrap(XMLNode.parse(LinePlot(series: series).svg()))
        let lines = root.all.filter { $0.attributes["class"] == "series" }
        XCTAssertEqual(lines.count, 9)
        XCTAssertEqual(lines[7].attributes["stroke"], lines[0].attributes["stroke"])
        XCTAssertNil(lines[0].attributes["stroke-dasharray"])
        XCTAssertNotNil(lines[7].attributes["stroke-dasharray"])
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        XCTAssertEqual(legend.elements("path").filter { $0.attributes["stroke-dasharray"] != nil }.count, 2)
    }

    func testARasterDrawsOnePathPerFiringNeuronWithOneTickPerSpike() throws {
        let raster = Gallery.raster
        let root = try XCTUnwrap(XMLNode.parse(raster.svg()))
        let group = try XCTUnwrap(root.all.first { $0.attributes["class"] == "spikes" })
        XCTAssertEqual(group.children.count, raster.spikeTimes.filter { !$0.isEmpty }.count)
        let ticks = group.children.map { ($0.attributes["d"] ?? "").filter { $0 == "M" }.count }.reduce(0, +)
        XCTAssertEqual(ticks, raster.spikeCount)
        XCTAssertTrue(raster.description.contains("10 neurons × 96 steps"), raster.description)
    }

    func testAMembraneTraceHasTheLineADashedThresholdAndOneMarkPerSpike() throws {
        let trace = Gallery.membrane
        let root = try XCTUnwrap(XMLNode.parse(trace.svg()))
        XCTAssertEqual(root.all.filter { $0.attributes["class"] == "membrane" }.count, 1)
        let threshold = try XCTUnwrap(root.all.first { $0.attributes["class"] == "threshold" })
        XCTAssertNotNil(threshold.attributes["stroke-dasharray"])
        let marks = try XCTUnwrap(root.all.first { $0.attributes["class"] == "spike-marks" })
        XCTAssertEqual((marks.attributes["d"] ?? "").filter { $0 == "M" }.count, trace.spikeCount)
        XCTAssertGreaterThan(trace.spikeCount, 3)
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        XCTAssertEqual(legend.elements("text").map(\.text), ["membrane", "threshold", "spike"])
    }

    func testDistinctFiguresGetDistinctIdsAndAnIdTokenIsUsedSanitised() throws {
        let first = try XCTUnwrap(XMLNode.parse(Gallery.lossCurves.svg()))
        var other = Gallery.lossCurves
        other.title = "Another"
        let second = try XCTUnwrap(XMLNode.parse(other.svg()))
        let firstIDs = Set(first.all.compactMap { $0.attributes["id"] })
        let secondIDs = Set(second.all.compactMap { $0.attributes["id"] })
        XCTAssertFalse(firstIDs.isEmpty)
        XCTAssertTrue(firstIDs.isDisjoint(with: secondIDs))
        let tokened = try XCTUnwrap(XMLNode.parse(Gallery.lossCurves.svg(idToken: "7\"><x")))
        XCTAssertEqual(tokened.all.compactMap { $0.attributes["id"] }, ["spk-7x-clip"])
    }

    func testTheSameFigureRendersToTheSameSVG() {
        XCTAssertEqual(Gallery.lossCurves.svg(), Gallery.lossCurves.svg())
    }
}
