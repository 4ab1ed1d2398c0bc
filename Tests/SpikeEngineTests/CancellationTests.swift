import XCTest

@testable import SpikeEngine

/// Long single engine calls poll their cancellation check in chunks: a check that fires after
/// a few polls ends the call with `.interrupted`, and a check that never fires changes nothing.
final class CancellationTests: XCTestCase {
    private let long = CancellationSwitch.long

    func testLongFactoryCallsStopAtTheFirstPollAfterAnInterrupt() {
        assertInterrupted("randn") { try Tensor.randn([self.long], seed: 1, isCancelled: $0) }
        assertInterrupted("zeros") { try Tensor.filled([self.long, 1], with: 0, isCancelled: $0) }
        assertInterrupted("simulate") { try LIF(tau: 2).simulate(current: 1.2, steps: self.long, isCancelled: $0) }
        assertInterrupted("cpg encode") { try PositionalEncoding.standardCPG.encode(length: self.long, isCancelled: $0) }
        assertInterrupted("sinusoidal encode") {
            try PositionalEncoding.sinusoidal(base: 10_000).encode(length: 7, steps: self.long / 7, channels: 4, isCancelled: $0)
        }
        assertInterrupted("random code encode") {
            try PositionalEncoding.randomCode(channels: 1, seed: 3).encode(length: self.long, isCancelled: $0)
        }
        assertInterrupted("distinct codes") {
            try PositionalEncoding.standardCPG.distinctCodes(length: self.long, isCancelled: $0)
        }
        assertInterrupted("transpose") { try Tensor.filled([3, self.long], with: 1).transposed(isCancelled: $0) }
        assertInterrupted("cpg oscillator") {
            try CPGOscillator.integrate(pairs: 1, tau: 100, length: self.long, dt: 1, isCancelled: $0)
        }
    }

    func testChunkedNormalSamplesAreTheNumbersOfOneLongDraw() throws {
        for count in [0, 1, cancellationChunk - 1, cancellationChunk, 2 * cancellationChunk + 1] {
            var generator = SeededGenerator(seed: 7)
            let expected = generator.normals(count)
            let flag = CancellationSwitch(firesAfter: .max)
            let tensor = try Tensor.randn([count], seed: 7, isCancelled: flag.check)
            XCTAssertEqual(tensor.scalars, expected, "count \(count)")
            XCTAssertEqual(flag.polls, (count + cancellationChunk - 1) / cancellationChunk, "count \(count)")
        }
    }

    func testAChunkedSimulationCarriesTheMembraneAcrossChunkBoundaries() throws {
        let neuron = try LIF(tau: 3, threshold: 1)
        let steps = cancellationChunk + 5
        let input = (0..<steps).map { Double($0 % 11) / 4 }
        let trace = try neuron.simulate(input: input, isCancelled: CancellationSwitch(firesAfter: .max).check)
        // Oracle: the neuron's own step, written out by hand.
        var v = 0.0
        var membrane: [Double] = []
        var spikes: [Bool] = []
        for x in input {
            let result = neuron.step(input: x, membrane: v)
            membrane.append(result.membrane)
            spikes.append(result.spike)
            v = result.membrane
        }
        XCTAssertEqual(trace.membrane, membrane)
        XCTAssertEqual(trace.spikes, spikes)
    }

    func testAChunkedEncodingRepeatsPositionsPerStepUnlessRolling() throws {
        let length = cancellationChunk / 4 + 3
        let fixed = try PositionalEncoding.cpg(pairs: 2, tau: 100, threshold: 0.5, index: .position)
            .encode(length: length, steps: 5, isCancelled: CancellationSwitch(firesAfter: .max).check)
        let rolling = try PositionalEncoding.cpg(pairs: 2, tau: 100, threshold: 0.5, index: .rolling)
            .encode(length: 5 * length, steps: 1)
        let once = try PositionalEncoding.cpg(pairs: 2, tau: 100, threshold: 0.5, index: .position).encode(length: length)
        XCTAssertEqual(Array(fixed.scalars[(4 * length * 4)...]), once.scalars)
        let rollingSteps = try PositionalEncoding.cpg(pairs: 2, tau: 100, threshold: 0.5, index: .rolling)
            .encode(length: length, steps: 5, isCancelled: CancellationSwitch(firesAfter: .max).check)
        XCTAssertEqual(rollingSteps.scalars, rolling.scalars)
    }

    func testAChunkedTransposeIsTheTranspose() throws {
        var generator = SeededGenerator(seed: 4)
        for shape in [[3, 5], [2, 3, 4], [1, 1], [4, 1], [1, 4], [2, 0, 3], [7], [300, 700]] {
            let tensor = try Tensor.randn(shape, generator: &generator)
            let chunked = try tensor.transposed(isCancelled: CancellationSwitch(firesAfter: .max).check)
            XCTAssertEqual(chunked.shape, tensor.transposed().shape, "\(shape)")
            XCTAssertEqual(chunked.scalars, tensor.transposed().scalars, "\(shape)")
        }
    }

    func testChunksCoverTheRangeOnceInOrder() throws {
        var seen: [Range<Int>] = []
        try forEachChunk(10, of: 4, isCancelled: nil) { seen.append($0) }
        XCTAssertEqual(seen, [0..<4, 4..<8, 8..<10])
        let stop: CancellationCheck = { true }
        try forEachChunk(0, of: 4, isCancelled: stop) { _ in XCTFail("no chunk of nothing") }
    }
}
