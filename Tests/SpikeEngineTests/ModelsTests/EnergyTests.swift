import XCTest

@testable import SpikeEngine

final class EnergyTests: XCTestCase {
    func testSynapticOperationsAreTheInputFiringRateTimesTheMACs() throws {
        let lif = try LIF()
        let blueprint = Blueprint.encoder(.repeat, steps: 4, neuron: lif).then(.linear(outputs: 5, bias: true))
            .then(.neuron(lif)).then(.meanOver(.time)).then(.meanOver(.length)).then(.linear(outputs: 16, bias: true))
        let data = try TrainingFixtures.sines()
        let network = try Network(blueprint, example: data.exampleShape, outputs: data.outputShape)
        let test = data.split(.test)
        let report = try EnergyMeter.measure(network, on: test, limit: 10)

        // Independent oracle: the encoder's spikes on the same 10 windows.
        let inputs = try test.batch(Array(0..<10)).inputs
        let tape = Tape(recording: false)
        let spikes = try network.stages[0].layer.forward(tape.constant(inputs), in: ForwardContext(tape: tape, training: false)).value
        let rate = Double(spikes.scalars.reduce(0, +)) / Double(spikes.count)

        let linear = report.rows[1]
        XCTAssertEqual(linear.stage, "linear")
        XCTAssertTrue(linear.spikingInput)
        XCTAssertEqual(try XCTUnwrap(linear.inputRate), rate, accuracy: 1e-12)
        XCTAssertEqual(linear.macs, Double(4 * 12 * 4 * 5))
        XCTAssertEqual(linear.sops, rate * linear.macs, accuracy: 1e-9)
        XCTAssertEqual(linear.energy, linear.sops * 0.9, accuracy: 1e-9)
        XCTAssertEqual(linear.floatEnergy, linear.macs * 4.6, accuracy: 1e-9)
        // The encoder reads real values: its work counts as MACs at 4.6 pJ.
        XCTAssertFalse(report.rows[0].spikingInput)
        XCTAssertEqual(report.rows[0].outputRate ?? -1, rate, accuracy: 1e-12)
        // The head reads firing rates (fractions), not spikes.
        XCTAssertEqual(report.rows.last?.stage, "linear")
        XCTAssertFalse(report.rows.last?.spikingInput ?? true, "\(report.rows.map(\.stage))")
        XCTAssertEqual(report.totalEnergy, report.rows.reduce(0) { $0 + $1.energy }, accuracy: 1e-9)
    }
}
