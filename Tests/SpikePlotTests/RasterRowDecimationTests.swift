import XCTest

@testable import SpikePlot

/// A raster with more neurons than pixel rows merges the neurons that share a pixel row: the
/// SVG grows with the plot's pixels, not with the neurons, and every spike is still counted.
final class RasterRowDecimationTests: XCTestCase {
    /// The `<title>` texts of the raster's spike paths ("neuron 3: 2 spikes", "neurons 0–9: …").
    private func titles(in svg: String) throws -> [String] {
        let root = try XCTUnwrap(XMLNode.parse(svg))
        return root.all.filter { $0.attributes["class"] == "spikes" }
            .flatMap(\.children).flatMap(\.children).filter { $0.name == "title" }.map(\.text)
    }

    /// The neuron range and spike count a title names.
    private func parse(_ title: String) throws -> (neurons: ClosedRange<Int>, spikes: Int) {
        let numbers = title.split { !$0.isNumber }.compactMap { Int($0) }
        switch numbers.count {
        case 2: return (numbers[0]...numbers[0], numbers[1])
        case 3: return (numbers[0]...numbers[1], numbers[2])
        default: throw XCTSkip("unexpected title \(title)")
        }
    }

    func testTenThousandNeuronsDrawAtMostOneRowPerPixelAndCountEverySpike() throws {
        let (neurons, steps) = (10_000, 200)
        var generator = SeededRandom(seed: 11)
        let matrix = (0..<neurons).map { _ in (0..<steps).map { _ in Double.random(in: 0..<1, using: &generator) < 0.2 ? 1.0 : 0 } }
        let raster = SpikeRaster(matrix: matrix)
        let svg = raster.svg()
        let rows = try titles(in: svg).map(parse)
        XCTAssertLessThanOrEqual(rows.count, raster.size.height, "one path per pixel row at most")
        XCTAssertLessThan(svg.utf8.count, 2_000_000, "was 12 MB with one path per neuron")
        // Oracle: the groups tile the neurons in order, and their counts add up to every spike.
        XCTAssertEqual(rows.map(\.neurons.lowerBound), [0] + rows.dropLast().map { $0.neurons.upperBound + 1 })
        XCTAssertEqual(rows.last?.neurons.upperBound, neurons - 1)
        XCTAssertEqual(rows.map(\.spikes).reduce(0, +), matrix.joined().filter { $0 != 0 }.count)
    }

    func testAFewNeuronsKeepOnePathEach() throws {
        let raster = SpikeRaster(matrix: [[1, 0, 1], [0, 0, 0], [0, 1, 0]])
        XCTAssertEqual(try titles(in: raster.svg()), ["neuron 0: 2 spikes", "neuron 2: 1 spike"])
    }
}
