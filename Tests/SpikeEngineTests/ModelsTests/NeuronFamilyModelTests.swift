import XCTest

@testable import SpikeEngine

/// Models built with a neuron other than LIF: every neuron layer gets its own copy (PLIF's w
/// among the parameters), training moves PLIF's time constants, and the attention product
/// that non-LIF attention neurons run after has the gradients of its formula.
final class NeuronFamilyModelTests: XCTestCase {
    /// The PLIF layers of a built network, in stage order.
    private func plifLayers(_ network: Network) -> [ParametricLIF] {
        network.stages.compactMap { $0.layer as? ParametricLIF }
    }

    func testASpikeRNNWithPLIFTrainsEachLayersTimeConstant() throws {
        let neuron = try ParametricLIF(initialTau: 2)
        let network = try Network(.model(.spikeRNN(try SpikeRNNOptions(hidden: 16, layers: 1, steps: 2, encoding: .none, neuron: neuron))))
        let data = try TrainingFixtures.sines()
        _ = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 2, learningRate: 3e-2, batchSize: 32, seed: 1))
        let layers = plifLayers(network)
        XCTAssertEqual(layers.count, 2, "the embedding neuron and one recurrent layer's")
        for layer in layers {
            XCTAssertNotEqual(layer.tau, 2, "tau moved from its start")
            XCTAssertTrue(layer.tau.isFinite && layer.tau > 1)
        }
        XCTAssertNotEqual(layers[0].w, layers[1].w, "each layer trains its own w")
    }

    func testEveryModelBuildsAndTrainsAStepWithIFPLIFAndLeaky() throws {
        let data = try TrainingFixtures.sines()
        let neurons: [any Neuron] = [
            try IntegrateAndFire(), try ParametricLIF(initialTau: 3), try Leaky(beta: 0.9),
            try Leaky(beta: 0.9, reset: .zero, resetDelay: false)
        ]
        for neuron in neurons {
            let specs: [ModelSpec] = [
                .spikformer(try SpikformerOptions(dim: 8, depth: 1, heads: 2, steps: 2, encoding: .relative, neuron: neuron)),
                .spikeTCN(try SpikeTCNOptions(channels: [4], steps: 2, neuron: neuron)),
                .spikeRNN(try SpikeRNNOptions(hidden: 8, layers: 1, steps: 2, neuron: neuron))
            ]
            for spec in specs {
                let network = try Network(.model(spec))
                let run = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 1, batchSize: 64))
                XCTAssertTrue(run.stepLosses.allSatisfy(\.isFinite), "\(spec.name) with \(neuron.builtinName)")
            }
        }
    }

    func testAPLIFSpikformerHasOneWeightPerNeuronSite() throws {
        let data = try TrainingFixtures.sines()
        let withLIF = try Network(.model(.spikformer(try SpikformerOptions(dim: 8, depth: 1, heads: 2, steps: 2, neuron: try LIF()))))
        let withPLIF = try Network(
            .model(
                .spikformer(
                    try SpikformerOptions(
                        dim: 8, depth: 1, heads: 2, steps: 2,
                        neuron: try ParametricLIF()))))
        _ = try Trainer.train(withLIF, on: data, options: try TrainingOptions(epochs: 1, batchSize: 64))
        _ = try Trainer.train(withPLIF, on: data, options: try TrainingOptions(epochs: 1, batchSize: 64))
        // encoder 1 + embedding 1 + attention 5 (q, k, v, attention, projection) + MLP 2.
        XCTAssertEqual(withPLIF.parameterCount - withLIF.parameterCount, 9)
    }

    func testAnIFNeuronStartingAtZeroRunsAsTheLIFWithBetaOne() throws {
        let input = (0..<40).map { Double($0 % 7) * 0.3 - 0.4 }
        for neuron in [try IntegrateAndFire(), try IntegrateAndFire(reset: .subtract, resetPotential: 0.5)] {
            let lif = try XCTUnwrap(neuron.equivalentLIF)
            XCTAssertEqual(lif, try LIF(beta: 1, reset: neuron.reset, firing: neuron.firing, decayInput: false))
            XCTAssertEqual(lif.simulate(input: input).charge, neuron.simulate(input: input).charge)
        }
        XCTAssertNil(try IntegrateAndFire(resetPotential: -0.25).equivalentLIF, "it starts at V_reset, not 0")
        XCTAssertNil(try ParametricLIF().equivalentLIF, "w must receive its gradient")
    }

    func testTheAttentionProductsGradientsMatchFiniteDifferences() throws {
        let shape = [2, 2, 3, 4]
        let inputs = try (0..<3).map { try Tensor.randn(shape, seed: UInt64(10 + $0)) }
        try assertGradientsMatchFiniteDifferences(inputs) { tape, v in
            try tape.attentionProduct(query: v[0], key: v[1], value: v[2], heads: 2, scale: 0.25)
        }
    }
}
