import Foundation
import XCTest

@testable import SpikePlot

/// Layout properties over many random inputs: tick labels never overlap, stay inside the
/// figure, log ticks are powers of ten, legends cut what does not fit.
final class LayoutPropertyTests: XCTestCase {
    func testXTickLabelsNeverOverlapAndStayInsideTheFigure() throws {
        var generator = SeededRandom(seed: 11)
        for _ in 0..<400 {
            let scale = pow(10, Double.random(in: -6...8, using: &generator))
            let start = Double.random(in: -100...100, using: &generator) * scale
            let count = Int.random(in: 2...200, using: &generator)
            let x = (0..<count).map { start + Double($0) * scale * Double.random(in: 0.5...1.5, using: &generator) }
            var plot = LinePlot(y: x.map { _ in Double.random(in: -1...1, using: &generator) }, x: x)
            plot.width = Int.random(in: 200...900, using: &generator)
            let root = try XCTUnwrap(XMLNode.parse(plot.svg()))
            let labels = root.elements("text").filter { $0.attributes["text-anchor"] == "middle" && $0.attributes["font-size"] == nil }
            let extents = labels.compactMap { label -> (Double, Double)? in
                guard let center = Double(label.attributes["x"] ?? "") else { return nil }
                let half = TextMetrics.width(label.text, fontSize: Theme.fontSize) / 2
                return (center - half, center + half)
            }.sorted { $0.0 < $1.0 }
            XCTAssertGreaterThanOrEqual(extents.count, 2, "x ticks for \(x.first ?? 0)…\(x.last ?? 0)")
            for (left, right) in zip(extents, extents.dropFirst()) {
                XCTAssertLessThan(left.1, right.0, "overlapping labels: \(labels.map(\.text))")
            }
            XCTAssertGreaterThanOrEqual(extents.first?.0 ?? 0, 0)
            XCTAssertLessThanOrEqual(extents.last?.1 ?? 0, Double(plot.width), "labels \(labels.map(\.text)) in width \(plot.width)")
        }
    }

    func testLogTicksArePowersOfTenInsideTheDomainWithDistinctLabels() {
        var generator = SeededRandom(seed: 12)
        for _ in 0..<1000 {
            let low = pow(10, Double.random(in: -30...30, using: &generator))
            let high = low * pow(10, Double.random(in: 0...40, using: &generator))
            let axis = Axis.log(low: low, high: high, maxTicks: Int.random(in: 2...10, using: &generator))
            XCTAssertGreaterThanOrEqual(axis.ticks.count, 2)
            XCTAssertEqual(Set(axis.ticks.map(\.label)).count, axis.ticks.count)
            for tick in axis.ticks {
                let exponent = log10(tick.value)
                XCTAssertEqual(exponent, exponent.rounded(), accuracy: 1e-9)
                XCTAssertTrue(tick.value >= axis.lower * (1 - 1e-12) && tick.value <= axis.upper * (1 + 1e-12))
            }
            XCTAssertLessThanOrEqual(axis.lower, low)
            XCTAssertGreaterThanOrEqual(axis.upper, high)
        }
    }

    func testALegendWithMoreEntriesThanFitEndsWithAMoreLine() throws {
        let series = (0..<60).map { LinePlot.Series("series \($0)", y: [0, Double($0)]) }
        let root = try XCTUnwrap(XMLNode.parse(LinePlot(series: series).svg()))
        let legend = try XCTUnwrap(root.all.first { $0.attributes["class"] == "legend" })
        let texts = legend.elements("text").map(\.text)
        XCTAssertLessThan(texts.count, 60)
        let shown = texts.count - 1
        XCTAssertEqual(texts.last, "… \(60 - shown) more")
        XCTAssertEqual(texts.first, "series 0")
    }

    func testBandDecimationKeepsTheOuterEdgeOfEveryColumn() {
        var generator = SeededRandom(seed: 13)
        let xs = (0..<5000).map { Double($0) * 0.07 }
        let upper = xs.map { ScreenPoint(x: $0, y: Double.random(in: 0...50, using: &generator)) }
        let lower = xs.map { ScreenPoint(x: $0, y: Double.random(in: 50...100, using: &generator)) }
        let (keptUpper, keptLower) = Decimation.bandPerColumn(upper: upper, lower: lower)
        var top: [Double: Double] = [:]
        var bottom: [Double: Double] = [:]
        for (u, l) in zip(upper, lower) {
            let column = u.x.rounded(.down)
            top[column] = min(top[column] ?? .infinity, u.y)
            bottom[column] = max(bottom[column] ?? -.infinity, l.y)
        }
        for point in keptUpper { XCTAssertEqual(point.y, top[point.x.rounded(.down)]) }
        for point in keptLower { XCTAssertEqual(point.y, bottom[point.x.rounded(.down)]) }
        XCTAssertLessThanOrEqual(keptUpper.count, 2 * top.count)
    }
}
