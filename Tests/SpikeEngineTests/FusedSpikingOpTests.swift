import TestSupport
import XCTest

@testable import SpikeEngine

/// The fused ops that keep less for the backward (`batchNormLIF`, `spikingAttention`) against
/// the chains of separately tested ops they replace (each of those is checked against finite
/// differences or a Float64 BPTT oracle): same spikes, same gradients.
final class FusedSpikingOpTests: XCTestCase {
    private func neurons() throws -> [LIF] {
        [
            try LIF(), try LIF(beta: 0.9, reset: .subtract, firing: .above, decayInput: false, detachReset: false),
            try LIF(tau: 4, detachReset: false, surrogate: .sigmoid(alpha: 4))
        ]
    }

    func testBatchNormFollowedByALIFFusedGivesTheSpikesAndGradientsOfTheTwoOps() throws {
        for neuron in try neurons() {
            for shape in [[4, 3, 5, 8], [3, 7, 12], [2, 2, 1, 300]] {
                let x = try Tensor.randn(shape, seed: 1) * 2 + 0.5
                let gamma = try Tensor.randn([shape.last!], seed: 2) + 1
                let beta = try Tensor.randn([shape.last!], seed: 3)
                let upstream = try Tensor.randn(shape, seed: 4)

                let fusedTape = Tape()
                let (input, scale, shift) = (fusedTape.parameter(x), fusedTape.parameter(gamma), fusedTape.parameter(beta))
                let (fused, statistics) = try fusedTape.batchNormLIF(input, scale: scale, shift: shift, epsilon: 1e-5, neuron: neuron)
                let fusedGradients = try fusedTape.gradients(of: fused, seed: upstream)

                let tape = Tape()
                let (input2, scale2, shift2) = (tape.parameter(x), tape.parameter(gamma), tape.parameter(beta))
                let (normalized, expectedStatistics) = try tape.batchNorm(input2, scale: scale2, shift: shift2, epsilon: 1e-5)
                let spikes = try tape.lif(normalized, neuron: neuron)
                let gradients = try tape.gradients(of: spikes, seed: upstream)

                XCTAssertEqual(fused.value, spikes.value, "\(shape) \(neuron)")
                XCTAssertGreaterThan(spikes.value.scalars.reduce(0, +), 0, "some neurons fire")
                XCTAssertEqual(statistics.mean, expectedStatistics.mean)
                XCTAssertEqual(statistics.unbiasedVariance, expectedStatistics.unbiasedVariance)
                for (fusedVariable, variable, name) in [(input, input2, "x"), (scale, scale2, "gamma"), (shift, shift2, "beta")] {
                    assertClose(
                        fusedGradients[fusedVariable].scalars.map(Double.init), gradients[variable].scalars.map(Double.init),
                        absolute: 1e-6, relative: 1e-5, "d\(name) \(shape)")
                }
            }
        }
    }

    func testTheAttentionOpGivesTheSpikesAndGradientsOfPermutedHeadsAndBatchedProducts() throws {
        let neuron = try LIF().withThreshold(0.5)
        for (shape, heads) in [([3, 2, 5, 8], 2), ([2, 3, 7, 12], 3), ([4, 1, 6, 4], 1)] {
            let (t, b, l, d) = (shape[0], shape[1], shape[2], shape[3])
            let width = d / heads
            func spikes(_ seed: UInt64) throws -> Tensor {
                try Tensor.randn(shape, seed: seed).map { $0 > 0.6 ? 1 : 0 }
            }
            let (q, k, v) = (try spikes(5), try spikes(6), try spikes(7))
            let upstream = try Tensor.randn(shape, seed: 8)

            let fusedTape = Tape()
            let (fq, fk, fv) = (fusedTape.parameter(q), fusedTape.parameter(k), fusedTape.parameter(v))
            let fused = try fusedTape.spikingAttention(query: fq, key: fk, value: fv, heads: heads, scale: 0.5, neuron: neuron)
            let fusedGradients = try fusedTape.gradients(of: fused, seed: upstream)

            // The chain of ops: split heads, Q·(Kᵀ·V), scale, merge heads, LIF.
            let tape = Tape()
            let (pq, pk, pv) = (tape.parameter(q), tape.parameter(k), tape.parameter(v))
            func split(_ x: Variable) throws -> Variable {
                try tape.permute(tape.reshape(x, [t, b, l, heads, width]), [0, 1, 3, 2, 4])
            }
            let mixed = tape.scale(try tape.matmul(split(pq), tape.matmul(tape.transpose(split(pk)), split(pv))), by: 0.5)
            let merged = try tape.reshape(tape.permute(mixed, [0, 1, 3, 2, 4]), shape)
            let expected = try tape.lif(merged, neuron: neuron)
            let gradients = try tape.gradients(of: expected, seed: upstream)

            XCTAssertEqual(fused.value, expected.value, "\(shape)")
            XCTAssertGreaterThan(expected.value.scalars.reduce(0, +), 0, "some neurons fire")
            for (fusedVariable, variable, name) in [(fq, pq, "Q"), (fk, pk, "K"), (fv, pv, "V")] {
                assertClose(
                    fusedGradients[fusedVariable].scalars.map(Double.init), gradients[variable].scalars.map(Double.init),
                    absolute: 1e-6, relative: 1e-5, "d\(name) \(shape)")
            }
        }
    }

    func testTheAttentionOpNamesMismatchedShapesAndHeadsThatDoNotDivide() throws {
        let tape = Tape()
        let a = tape.constant(try Tensor.zeros([2, 1, 3, 4]))
        let c = tape.constant(try Tensor.zeros([2, 1, 3, 6]))
        XCTAssertThrowsError(try tape.spikingAttention(query: a, key: c, value: a, heads: 2, scale: 1, neuron: try LIF())) {
            XCTAssertEqual(
                $0 as? EngineError,
                .shape(
                    operation: "spiking attention (Q, K, V of one shape [time, ..., length, features])",
                    first: [2, 1, 3, 4], second: [2, 1, 3, 6]))
        }
        XCTAssertThrowsError(try tape.spikingAttention(query: a, key: a, value: a, heads: 3, scale: 1, neuron: try LIF()))
    }

    func testASequentialRunsBatchNormThenLIFFusedWithTheSameOutputsGradientsAndBuffers() throws {
        var generator = SeededGenerator(seed: 3)
        let neuron = try LIF()
        let layers: [any Layer] = [try Linear(inputs: 5, outputs: 6, generator: &generator), try BatchNorm(features: 6), neuron]
        let sequential = Sequential(layers)
        let x = try Tensor.randn([4, 3, 2, 5], seed: 4) * 3
        let upstream = try Tensor.randn([4, 3, 2, 6], seed: 5)

        let context = ForwardContext(tape: Tape(), training: true)
        let y = try sequential.forward(context.tape.constant(x), in: context)
        let gradients = try context.tape.gradients(of: y, seed: upstream)

        let stepwise = ForwardContext(tape: Tape(), training: true)
        var z = stepwise.tape.constant(x)
        for layer in layers { z = try layer.forward(z, in: stepwise) }
        let expected = try stepwise.tape.gradients(of: z, seed: upstream)

        XCTAssertEqual(y.value, z.value)
        XCTAssertEqual(context.updatedBuffers, stepwise.updatedBuffers)
        XCTAssertEqual(context.boundParameters.count, stepwise.boundParameters.count)
        for (fused, plain) in zip(context.boundParameters, stepwise.boundParameters) {
            assertClose(
                gradients[fused].scalars.map(Double.init), expected[plain].scalars.map(Double.init),
                absolute: 1e-6, relative: 1e-5)
        }
    }

    func testTheInferenceLinearLIFGivesTheSpikesOfTheLinearThenTheNeuron() throws {
        let neuron = try LIF()
        // Spiking and dense inputs, with and without bias and position table; row counts that
        // leave a partial block (blocks hold 2048 / outputs rows).
        for (shape, outputs, spiking) in [
            ([4, 9, 7, 6], 64, true), ([4, 9, 7, 6], 40, false), ([2, 3, 50, 5], 8, true),
            ([3, 1, 11, 16], 300, false)
        ] {
            var input = try Tensor.randn(shape, seed: 30) * 2 + 1
            if spiking { input = input.map { $0 > 2.5 ? 1 : 0 } }
            let w = try Tensor.randn([shape[3], outputs], seed: 31)
            let b = try Tensor.randn([outputs], seed: 32)
            let table = try Tensor.randn([shape[0], shape[2], outputs], seed: 33)
            for (withBias, withTable) in [(true, true), (false, false), (true, false)] {
                let tape = Tape(recording: false)
                let (x, weight) = (tape.constant(input), tape.constant(w))
                let bias = withBias ? tape.constant(b) : nil
                let positions = withTable ? tape.constant(table) : nil
                let fused = try tape.linearLIF(x, weight: weight, bias: bias, positions: positions, neuron: neuron)
                let expected = try tape.lif(tape.linear(x, weight: weight, bias: bias, positions: positions), neuron: neuron)
                XCTAssertEqual(fused.value, expected.value, "\(shape) → \(outputs), bias \(withBias), table \(withTable)")
                XCTAssertGreaterThan(expected.value.scalars.reduce(0, +), 0)
            }
        }
    }

    func testTheInferenceLinearLIFOfAVectorRunsTheNeuronAlongItsOutputsAsTheTwoOpsDo() throws {
        let tape = Tape(recording: false)
        let (x, w) = (tape.constant(try Tensor.randn([5], seed: 50) * 3), tape.constant(try Tensor.randn([5, 7], seed: 51)))
        let fused = try tape.linearLIF(x, weight: w, bias: nil, neuron: try LIF())
        XCTAssertEqual(fused.value, try tape.lif(tape.linear(x, weight: w, bias: nil), neuron: try LIF()).value)
        XCTAssertEqual(fused.shape, [7])
    }

    func testANetworkGivesTheSameOutputsWithItsLayerLIFPairsFusedAsWhenEachStageIsObserved() throws {
        let lif = try LIF()
        let spec = ModelSpec.spikeRNN(try SpikeRNNOptions(hidden: 16, layers: 2, steps: 3, encoding: .standardCPG, neuron: lif))
        let network = try Network(.model(spec), example: [10, 3], outputs: [2, 3])
        let x = try Tensor.randn([5, 10, 3], seed: 40) * 2
        let fusedTape = Tape(recording: false)
        let fused = try network.forward(fusedTape.constant(x), in: ForwardContext(tape: fusedTape, training: false))
        let tape = Tape(recording: false)
        var observed = 0
        let stepwise = try network.forward(tape.constant(x), in: ForwardContext(tape: tape, training: false)) { _, _, _ in observed += 1 }
        XCTAssertEqual(observed, network.stages.count)
        XCTAssertEqual(fused.value, stepwise.value)
    }

    func testATapeGivesItsGradientsOnceAndReleasesWhatItSaved() throws {
        let tape = Tape()
        let x = tape.parameter(Tensor([1, 2, 3]))
        let y = try tape.sum(tape.multiply(x, x))
        XCTAssertEqual(try tape.gradients(of: y)[x].scalars, [2, 4, 6])
        XCTAssertThrowsError(try tape.gradients(of: y)) { error in
            guard case .value(argument: .tape, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
