import XCTest

@testable import SpikePlot

/// The forest plot: one whisker and point per row where its numbers say, a dashed zero line,
/// labels with n, group headings, and the value text of every row.
final class ForestPlotTests: XCTestCase {
    func testEachRowHasItsLabelValueWhiskerAndPointAtItsNumbers() throws {
        let plot = Gallery.forest
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        let estimates = root.all.filter { $0.attributes["class"] == "estimate" }
        XCTAssertEqual(estimates.count, 4)
        let texts = root.elements("text").map(\.text)
        for expected in [
            "cpg − sinusoidal (n = 48)", "cpg − none (n = 48)", "traffic, horizon 6", "solar, horizon 24",
            "0.012 [-0.004, 0.028]", "0.031 [0.012, 0.050]", "-0.004 [-0.020, 0.013]", "0.025 [0.005, 0.046]",
            "Paired R² differences <per seed>", "difference in r2 (95% CI)"
        ] {
            XCTAssertTrue(texts.contains(expected), "missing \(expected) in \(texts)")
        }
        // The whiskers' ends and the points sit where the x axis puts low, high and the estimate:
        // the same affine map for every row, and the reference line at zero.
        let reference = try XCTUnwrap(root.all.first { $0.attributes["class"] == "reference" })
        let zeroX = try XCTUnwrap(Double(reference.attributes["d"]!.dropFirst().split(separator: " ")[0]))
        var fitted: [(value: Double, x: Double)] = []
        for (row, group) in zip(plot.rows, estimates) {
            let paths = group.elements("path")
            let whisker = try XCTUnwrap(paths.first?.attributes["d"])
            let numbers = whisker.split(whereSeparator: { "MhvHV ".contains($0) }).compactMap { Double($0) }
            let (left, width) = (numbers[0], numbers[2])
            fitted += [(row.low, left), (row.high, left + width)]
        }
        let scale = (fitted[1].x - fitted[0].x) / (fitted[1].value - fitted[0].value)
        let origin = fitted[0].x - fitted[0].value * scale
        for point in fitted {
            XCTAssertEqual(point.x, origin + point.value * scale, accuracy: 0.3, "\(point)")
        }
        XCTAssertGreaterThan(scale, 0)
        XCTAssertEqual(zeroX, origin, accuracy: 1, "the reference line is at zero (to the pixel)")
    }

    func testHeadingsPrecedeTheirGroupsAndRowsWithoutAGroupHaveNone() {
        XCTAssertEqual(
            Gallery.forest.slots, [.heading("traffic, horizon 6"), .row(0), .row(1), .heading("solar, horizon 24"), .row(2), .row(3)])
        let plain = ForestPlot(rows: [.init("a − b", estimate: 1, low: 0, high: 2)])
        XCTAssertEqual(plain.slots, [.row(0)])
        XCTAssertGreaterThan(Gallery.forest.size.height, plain.size.height)
    }

    func testANonFiniteEstimateIsSkippedWithANoteAndNoRowsSayNoData() throws {
        let plot = ForestPlot(rows: [
            .init("a − b", estimate: .nan, low: 0, high: 1), .init("a − c", estimate: 0.5, low: 0.1, high: 0.9)
        ])
        let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
        XCTAssertEqual(root.all.filter { $0.attributes["class"] == "estimate" }.count, 1)
        XCTAssertTrue(root.elements("text").map(\.text).contains { $0.contains("1 non-finite value skipped") })
        XCTAssertTrue(ForestPlot(rows: []).description.hasSuffix("no data"))
    }
}
