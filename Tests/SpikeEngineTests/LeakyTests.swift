import XCTest

@testable import SpikeEngine

/// `Leaky` (snnTorch's Leaky) as a layer of every model, and the choices it shares with the other
/// families: the spike test and the `.none` reset.
final class LeakyTests: XCTestCase {
    func testEveryModelBuildsAndTrainsWithLeakyInBothResetModes() throws {
        let data = try TrainingFixtures.sines()
        for neuron in [try Leaky(beta: 0.9), try Leaky(beta: 0.9, reset: .zero, resetDelay: false)] {
            let specs: [ModelSpec] = [
                .spikformer(try SpikformerOptions(dim: 8, depth: 1, heads: 2, steps: 2, encoding: .relative, neuron: neuron)),
                .spikeTCN(try SpikeTCNOptions(channels: [4], steps: 2, neuron: neuron)),
                .spikeRNN(try SpikeRNNOptions(hidden: 8, layers: 1, steps: 2, neuron: neuron))
            ]
            for spec in specs {
                let network = try Network(.model(spec))
                let before = network.parameters
                let run = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 1, batchSize: 64))
                let label = "\(spec.name) with \(neuron.settings)"
                XCTAssertTrue(run.stepLosses.allSatisfy(\.isFinite), label)
                XCTAssertNotEqual(network.parameters, before, "\(label): the weights moved")
            }
        }
    }

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
