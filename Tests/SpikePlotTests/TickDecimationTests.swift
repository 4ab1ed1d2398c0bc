import XCTest

@testable import SpikePlot

/// Spike ticks past one per pixel column are thinned to one per column: a million-step trace
/// stays a small SVG and still shows its spikes exactly where they are.
final class TickDecimationTests: XCTestCase {
    /// The x of every `M` command in the path of the element with class `spikeClass`.
    private func tickXs(in svg: String, spikeClass: String) throws -> [Double] {
        let root = try XCTUnwrap(XMLNode.parse(svg))
        let paths = root.all.filter { $0.attributes["class"] == spikeClass }
            .flatMap { $0.name == "path" ? [$0] : $0.children }
        let data = paths.compactMap { $0.attributes["d"] }.joined()
        return data.split(separator: "M").compactMap { command in
            Double(command.prefix { $0 == "." || $0 == "-" || $0.isNumber })
        }
    }

    func testTicksKeepTheFirstOfEachPixelColumnInAscendingOrder() {
        XCTAssertEqual(Decimation.ticksPerColumn([0.2, 0.7, 1.1, 5]), [0.2, 1.1, 5])
        XCTAssertEqual(Decimation.ticksPerColumn([5, 1.1, 0.7, 0.2, 5.9]), [0.2, 1.1, 5])
        XCTAssertEqual(Decimation.ticksPerColumn([]), [])
        // Oracle: the set of pixel columns holding a tick is unchanged.
        var generator = SeededRandom(seed: 5)
        let ticks = (0..<50_000).map { _ in Double.random(in: 0..<640, using: &generator) }
        let kept = Decimation.ticksPerColumn(ticks)
        XCTAssertEqual(Set(kept.map { $0.rounded(.down) }), Set(ticks.map { $0.rounded(.down) }))
        XCTAssertEqual(kept.count, Set(kept.map { $0.rounded(.down) }).count)
    }

    func testAMillionStepTraceIsASmallSVGWithSpikesWhereTheyAre() throws {
        let steps = 1_000_000
        // Dense firing over steps 200k..<300k, then ten spikes from step 700k on.
        let spikes = (0..<steps).map { step in
            (200_000..<300_000).contains(step) ? step % 3 == 0 : (700_000..<700_010).contains(step)
        }
        let membrane = (0..<steps).map { Double($0 % 3) / 3 }
        let svg = MembraneTrace(membrane: membrane, spikes: spikes, threshold: 1).svg()
        XCTAssertLessThan(svg.utf8.count, 200_000)
        let xs = try tickXs(in: svg, spikeClass: "spike-marks")
        let first = try XCTUnwrap(xs.first)
        let last = try XCTUnwrap(xs.last)
        // Step s sits at first + (s − 200 000) / 500 010 · (last − first) on screen.
        let pixelsPerStep = (last - first) / 500_009
        let dense = xs.filter { $0 <= first + 100_000 * pixelsPerStep + 0.1 }
        let late = xs.filter { $0 >= last - 10 * pixelsPerStep - 0.1 }
        XCTAssertEqual(dense.count + late.count, xs.count, "a tick between the two bursts")
        XCTAssertEqual(late.count, 1, "ten spikes within a pixel are one tick")
        // The dense burst keeps a tick in every pixel column it covers.
        XCTAssertLessThan(zip(dense, dense.dropFirst()).map { $1 - $0 }.max() ?? 0, 2)
        XCTAssertGreaterThan(Double(dense.count), 100_000 * pixelsPerStep - 2)
    }

    func testARasterWithMoreSpikesThanColumnsDrawsOneTickPerColumn() throws {
        let times = (0..<30_000).map { Double($0) / 10 }
        let raster = SpikeRaster(spikeTimes: [times, [1500]], duration: 3000)
        let svg = raster.svg()
        XCTAssertLessThan(svg.utf8.count, 30_000)
        let xs = try tickXs(in: svg, spikeClass: "spikes")
        XCTAssertLessThanOrEqual(xs.count, 641)
        XCTAssertEqual(Set(xs.dropLast().map { $0.rounded(.down) }).count, xs.count - 1)
        XCTAssertTrue(raster.description.contains("30001 spikes"), raster.description)
    }
}

/// A membrane line thinned as its points stream by is the line thinned segment by segment.
final class StreamedLineTests: XCTestCase {
    /// Oracle: each whole segment thinned at once (or not), a lone point drawn as a dot.
    private func wholeSegments(_ segments: [[ScreenPoint]], thin: Bool) -> String {
        var path = PathData()
        for segment in segments where !segment.isEmpty {
            let drawn = thin ? Decimation.minMaxPerColumn(segment) : segment
            if drawn.count == 1 {
                path.dot(drawn[0].x, drawn[0].y)
                continue
            }
            for (index, point) in drawn.enumerated() {
                if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            }
        }
        return path.text
    }

    func testStreamingThinsExactlyAsWholeSegmentsDo() {
        var generator = SeededRandom(seed: 9)
        // Segments of 1…4 points (left alone), a few hundred, and tens of thousands.
        let lengths = [1, 3, 4, 5, 300, 20_000, 2, 50_000, 4097, 1]
        var x = 0.0
        let segments = lengths.map { count in
            (0..<count).map { _ -> ScreenPoint in
                x += Double.random(in: 0..<0.02, using: &generator)
                return ScreenPoint(x: x, y: Double.random(in: 0..<300, using: &generator))
            }
        }
        for thin in [true, false] {
            var line = StreamedLine(thin: thin)
            for segment in segments {
                for point in segment { line.add(point) }
                line.endSegment()
                line.endSegment()  // an empty segment draws nothing
            }
            XCTAssertEqual(line.path.text, wholeSegments(segments, thin: thin), "thin: \(thin)")
        }
    }
}
