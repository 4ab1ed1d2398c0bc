import XCTest

@testable import SpikePlot

/// A grid draws at most `maxPanels` panels and says how many it left out: a list of many
/// figures gives a readable grid, not SVG that grows without bound.
final class GridPanelLimitTests: XCTestCase {
    private let small = Figure.line(LinePlot(series: [LinePlot.Series("", y: [1, 2, 3])]))

    private func panelCount(_ svg: String) throws -> Int {
        try XCTUnwrap(XMLNode.parse(svg)).all.filter { $0.attributes["class"] == "panel" }.count
    }

    func testAGridOfAThousandFiguresDrawsTheFirstHundredWithANote() throws {
        let grid = FigureGrid(panels: Array(repeating: small, count: 1000), columns: 10)
        let svg = Figure.grid(grid).svg()
        XCTAssertEqual(try panelCount(svg), grid.maxPanels)
        XCTAssertTrue(svg.contains("first 100 of 1000 panels shown"))
        XCTAssertTrue(grid.summary.hasPrefix("Grid of 1000 panels (10 × 10, first 100 of 1000 panels shown):"), grid.summary)
        XCTAssertEqual(grid.summary.split(separator: "\n").count, 1 + grid.maxPanels)
    }

    func testAGridWithinTheLimitDrawsEveryPanelWithoutANote() throws {
        let grid = FigureGrid(panels: Array(repeating: small, count: 7), columns: 3)
        let svg = Figure.grid(grid).svg()
        XCTAssertEqual(try panelCount(svg), 7)
        XCTAssertFalse(svg.contains("panels shown"))
        XCTAssertTrue(grid.summary.hasPrefix("Grid of 7 panels (3 × 3):"), grid.summary)
    }
}
