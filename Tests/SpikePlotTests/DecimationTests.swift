import XCTest

@testable import SpikePlot

final class DecimationTests: XCTestCase {
    /// The oracle: for every pixel column, the extremes of the original points in that column.
    private func extremes(_ points: [ScreenPoint]) -> [Double: (Double, Double)] {
        var result: [Double: (Double, Double)] = [:]
        for point in points {
            let column = point.x.rounded(.down)
            let old = result[column] ?? (point.y, point.y)
            result[column] = (min(old.0, point.y), max(old.1, point.y))
        }
        return result
    }

    func testMinMaxDecimationKeepsEveryColumnsExtremesAndAtMostFourPointsPerColumn() {
        var generator = SeededRandom(seed: 31)
        let points = (0..<20_000).map { i in
            ScreenPoint(x: Double(i) * 0.03, y: Double.random(in: 0...100, using: &generator))
        }
        let kept = Decimation.minMaxPerColumn(points)
        XCTAssertLessThanOrEqual(kept.count, 4 * 601)
        let before = extremes(points)
        let after = extremes(kept)
        XCTAssertEqual(before.count, after.count)
        for (column, range) in before {
            XCTAssertEqual(after[column]?.0, range.0)
            XCTAssertEqual(after[column]?.1, range.1)
        }
        XCTAssertEqual(kept.first, points.first)
        XCTAssertEqual(kept.last, points.last)
    }

    func testShortLinesAreLeftAlone() {
        let points = [ScreenPoint(x: 0, y: 1), ScreenPoint(x: 0.1, y: 2), ScreenPoint(x: 0.2, y: 0)]
        XCTAssertEqual(Decimation.minMaxPerColumn(points), points)
    }
}
