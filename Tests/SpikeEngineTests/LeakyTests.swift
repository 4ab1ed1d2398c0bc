import XCTest

@testable import SpikeEngine

/// The choices `Leaky` (snnTorch's Leaky) shares with the other families: the spike test and
/// the `.none` reset (its models train in NeuronFamilyModelTests).
final class LeakyTests: XCTestCase {
    func testTheSpikeTestIsChosenApartFromTheReset() throws {
        // At exactly the threshold: `>=` fires, `>` does not, whatever the reset.
        for reset in [ResetRule.zero, .subtract] {
            XCTAssertEqual(try LIF(beta: 1, reset: reset, firing: .atOrAbove).simulate(input: [1]).spikes, [true])
            XCTAssertEqual(try LIF(beta: 1, reset: reset, firing: .above).simulate(input: [1]).spikes, [false])
            XCTAssertEqual(try IntegrateAndFire(reset: reset, firing: .above).simulate(input: [1]).spikes, [false])
        }
        XCTAssertEqual(try Leaky(beta: 1, firing: .atOrAbove).simulate(input: [1]).spikes, [true])
        XCTAssertEqual(try Leaky(beta: 1).simulate(input: [1]).spikes, [false])
    }

    func testLIFHasNoResetNoneButIFAndPLIFIntegrateThroughSpikes() throws {
        XCTAssertThrowsError(try LIF(beta: 0.9, reset: .none)) { error in
            guard case .value(argument: .neuron, _) = error as? EngineError else { return XCTFail("\(error)") }
        }
        let neuron = try IntegrateAndFire(reset: .none)
        XCTAssertNil(neuron.equivalentLIF, "the fused LIF kernels always reset")
        XCTAssertEqual(neuron.simulate(input: [0.75, 0.75, 0.75]).membrane, [0.75, 1.5, 2.25])
        XCTAssertEqual(neuron.simulate(input: [0.75, 0.75, 0.75]).spikes, [false, true, true])
        XCTAssertEqual(try neuron.firstSpike(current: 0.75), 2)
        XCTAssertEqual(try ParametricLIF(initialTau: 2, reset: .none).simulate(input: [4, 0]).membrane, [2, 1])
    }
}
