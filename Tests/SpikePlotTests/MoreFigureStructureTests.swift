import XCTest

@testable import SpikePlot

/// Parts of heatmaps, bar charts, scatter plots and small multiples.
final class MoreFigureStructureTests: XCTestCase {
    func testAHeatmapHasColourLevelPathsAndAColourBarWithAGradientAndTicks() throws {
        let root = try XCTUnwrap(XMLNode.parse(Gallery.heatmap.svg()))
        let cells = try XCTUnwrap(root.all.first { $0.attributes["class"] == "cells" })
        XCTAssertLessThanOrEqual(cells.children.count, Heatmap.levels)
        let rectangles = cells.children.map { ($0.attributes["d"] ?? "").filter { $0 == "Z" }.count }.reduce(0, +)
        XCTAssertGreaterThan(rectangles, 0)
        XCTAssertLessThanOrEqual(rectangles, 24 * 10)
        let bar = try XCTUnwrap(root.all.first { $0.attributes["class"] == "colorbar" })
        let gradient = try XCTUnwrap(bar.elements("linearGradient").first)
        let id = try XCTUnwrap(gradient.attributes["id"])
        XCTAssertTrue(bar.elements("rect").contains { $0.attributes["fill"] == "url(#\(id))" })
        XCTAssertEqual(bar.elements("text").map(\.text), ["-1.0", "-0.5", "0.0", "0.5", "1.0", "value"])
        XCTAssertEqual(gradient.elements("stop").first?.attributes["stop-color"], ColorMap.diverging.stops.first)
    }

    func testAHeatmapOfNonNegativeDataUsesViridisAndSignedDataDivergesAroundZero() {
        XCTAssertEqual(ColorMap.automatic.resolved(low: 0, high: 3), .viridis)
        XCTAssertEqual(ColorMap.automatic.resolved(low: -1, high: 3), .diverging)
        XCTAssertEqual(ColorMap.diverging.color(at: 0.5), "#f7f7f7")
        XCTAssertEqual(ColorMap.viridis.color(at: 0), "#440154")
        XCTAssertEqual(ColorMap.viridis.color(at: 1), "#fde725")
        XCTAssertEqual(ColorMap.viridis.color(at: .nan), "#440154")
        let summary = Heatmap(matrix: [[-1, 3]]).description
        XCTAssertTrue(summary.contains("1 × 2, values -1 … 3"), summary)
    }

    func testSmallHeatmapsWriteEachValueInItsCellLightOnDarkColours() throws {
        var sweep = Heatmap(matrix: [[0, 0.25, 0.5], [0.75, 1, .nan]], title: "sweep")
        sweep.colorMap = .viridis
        let root = try XCTUnwrap(XMLNode.parse(sweep.svg()))
        let notes = try XCTUnwrap(root.all.first { $0.attributes["class"] == "annotations" })
        XCTAssertEqual(notes.children.map(\.text), ["0", "0.25", "0.5", "0.75", "1"])
        XCTAssertEqual(notes.children.first?.attributes["fill"], "#ffffff", "dark purple gets light text")
        XCTAssertEqual(notes.children.last?.attributes["fill"], Theme.ink, "yellow gets dark text")
        sweep.annotate = false
        XCTAssertFalse(sweep.svg().contains("annotations"))
        let big = Heatmap(matrix: (0..<50).map { row in (0..<50).map { Double($0 * row) } })
        XCTAssertFalse(big.svg().contains("annotations"), "crowded cells are not annotated by default")
    }

    func testHeatmapRowsAndColumnsCanBeNamed() throws {
        var sweep = Heatmap(matrix: [[1, 2, 3], [4, 5, 6]], xLabel: "pairs", yLabel: "tau")
        sweep.rowLabels = ["100", "1000 <b>"]
        sweep.columnLabels = ["5", "10"]
        let root = try XCTUnwrap(XMLNode.parse(sweep.svg()))
        let texts = root.elements("text").map(\.text)
        for label in ["100", "1000 <b>", "5", "10", "2"] { XCTAssertTrue(texts.contains(label), "\(label) in \(texts)") }
        XCTAssertTrue(root.elements("b").isEmpty)
    }

    func testManyRowLabelsAreThinnedToFit() throws {
        var tall = Heatmap(matrix: (0..<200).map { [Double($0)] })
        tall.rowLabels = (0..<200).map { "row \($0)" }
        let root = try XCTUnwrap(XMLNode.parse(tall.svg()))
        let rows = root.elements("text").map(\.text).filter { $0.hasPrefix("row ") }
        XCTAssertGreaterThanOrEqual(rows.count, 2)
        XCTAssertLessThanOrEqual(rows.count, 20)
        XCTAssertEqual(rows.first, "row 0")
    }

    func testAHeatmapLeavesNonFiniteCellsBlankWithANote() throws {
        let root = try XCTUnwrap(XMLNode.parse(Heatmap(matrix: [[1, .nan], [.infinity, 4]]).svg()))
        let cells = try XCTUnwrap(root.all.first { $0.attributes["class"] == "cells" })
        XCTAssertEqual(cells.children.map { ($0.attributes["d"] ?? "").filter { $0 == "Z" }.count }.reduce(0, +), 2)
        XCTAssertTrue(root.elements("text").contains { $0.text.contains("2 non-finite values skipped (left blank)") })
    }

    func testAHugeMatrixIsDrawnAsBlockMeansUnderASizeBudget() throws {
        let matrix = (0..<1000).map { row in (0..<1000).map { column in Double((row * 31 + column * 17) % 101) } }
        let svg = Heatmap(matrix: matrix).svg()
        XCTAssertLessThan(svg.utf8.count, 400_000)
        XCTAssertNotNil(XMLNode.parse(svg))
    }

    func testBlockMeansAverageTheFiniteValuesOfEachBlock() {
        let grid = BlockGrid(rows: 4, columns: 4, plot: Rect(x: 0, y: 0, width: 4, height: 4), limit: 2)
        let means = grid.means(of: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, .nan, 12], [13, 14, 15, 16]])
        XCTAssertEqual(means, [[3.5, 5.5], [11.5, 43.0 / 3]])
        XCTAssertEqual([grid.rowStart(0), grid.rowStart(1), grid.rowStart(2)], [0, 2, 4])
    }

    func testABarChartHasOneBarPathPerSeriesWithErrorBarsAndLegend() throws {
        let chart = Gallery.bars
        let root = try XCTUnwrap(XMLNode.parse(chart.svg()))
        let bars = root.all.filter { $0.attributes["class"] == "bars" }
        XCTAssertEqual(bars.count, 2)
        XCTAssertEqual(bars.map { ($0.attributes["d"] ?? "").filter { $0 == "Z" }.count }, [4, 4])
        let whiskers = root.all.filter { $0.attributes["class"] == "error-bars" }
        XCTAssertEqual(whiskers.map { ($0.attributes["d"] ?? "").filter { $0 == "M" }.count }, [12, 12])
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        XCTAssertEqual(legend.elements("text").map(\.text), ["r2", "accuracy"])
        let texts = root.elements("text").map(\.text)
        for category in chart.categories { XCTAssertTrue(texts.contains(category), "\(category) in \(texts)") }
        XCTAssertTrue(texts.contains("0.0"), "bars start at zero: \(texts)")
    }

    func testABarChartSkipsNonFiniteBarsAndShowsNegativeBarsBelowZero() throws {
        let chart = BarChart(categories: ["a", "b", "c"], values: [2, .nan, -1])
        let root = try XCTUnwrap(XMLNode.parse(chart.svg()))
        let bars = try XCTUnwrap(root.all.first { $0.attributes["class"] == "bars" })
        XCTAssertEqual((bars.attributes["d"] ?? "").filter { $0 == "Z" }.count, 2)
        XCTAssertTrue(root.elements("text").contains { $0.text.contains("1 non-finite value skipped") })
        XCTAssertTrue(chart.description.contains("a 2, b –, c -1"), chart.description)
    }

    func testAScatterPlotHasOneDotPerPointInOnePathPerSeries() throws {
        let plot = Gallery.scatter
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let clouds = root.all.filter { $0.attributes["class"] == "points" }
        XCTAssertEqual(clouds.map { ($0.attributes["d"] ?? "").filter { $0 == "M" }.count }, [60, 40])
        XCTAssertEqual(clouds.map { $0.attributes["stroke-linecap"] }, ["round", "square"], "shapes differ, not only colours")
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        XCTAssertEqual(legend.elements("text").map(\.text), ["cpg", "sinusoidal"])
    }

    func testSmallMultiplesDrawEveryPanelWithIdsUniqueAcrossPanels() throws {
        let grid = Gallery.grid
        let root = try XCTUnwrap(XMLNode.parse(grid.svg()))
        XCTAssertEqual(root.all.filter { $0.attributes["class"] == "panel" }.count, 4)
        let ids = root.all.compactMap { $0.attributes["id"] }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids.count, 2, "a clip path for the line panel and a gradient for the heatmap")
        XCTAssertTrue(grid.description.hasPrefix("Grid \"Small multiples\" of 4 panels (2 × 2):"), grid.description)
        XCTAssertEqual(grid.size.width, 640)
    }

    func testEmptyP2FiguresAreValidWithAMessage() throws {
        let figures: [Figure] = [
            .heatmap(Heatmap(matrix: [])), .heatmap(Heatmap(matrix: [[.nan]])),
            .bar(BarChart(categories: [], values: [])), .scatter(ScatterPlot(x: [], y: [])),
            .grid(FigureGrid(panels: []))
        ]
        for figure in figures {
            let root = try XCTUnwrap(XMLNode.parse(figure.svg()), figure.description)
            XCTAssertTrue(root.elements("text").contains { $0.text.hasPrefix("no ") }, figure.description)
        }
    }
}
