import Foundation
import TestSupport
import XCTest

@testable import SpikeEngine

/// A small spiking network against NumPy: forward output, loss and every gradient
/// (golden file from scripts/golden_network.py, which writes the BPTT out by hand).
final class SpikingNetworkGoldenTests: XCTestCase {
    private struct Golden: Decodable {
        struct Case: Decodable {
            let convention: String
            let shapes: [String: [Int]]
            let x, w1, b1, w2, b2, target, spikes, output: [Float]
            let loss: Double
            let gradX, gradW1, gradB1, gradW2, gradB2: [Double]

            enum CodingKeys: String, CodingKey {
                case convention, shapes, x, w1, b1, w2, b2, target, spikes, output, loss
                case gradX = "grad_x"
                case gradW1 = "grad_w1"
                case gradB1 = "grad_b1"
                case gradW2 = "grad_w2"
                case gradB2 = "grad_b2"
            }
        }
        let cases: [Case]
    }

    private func loadGolden() throws -> Golden {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/spiking_network.json")
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    func testASmallSpikingNetworkMatchesNumPyInOutputLossAndGradients() throws {
        let golden = try loadGolden()
        XCTAssertEqual(golden.cases.map(\.convention), ["decay_input", "subtract"])
        for c in golden.cases {
            let shapes = c.shapes
            let neuron = c.convention == "decay_input" ? try LIF(tau: 2) : try LIF(beta: 0.9, detachReset: false)
            let network = Sequential([
                try Linear(weight: try Tensor(shape: shapes["w1"] ?? [], scalars: c.w1), bias: Tensor(c.b1)),
                neuron,
                try Linear(weight: try Tensor(shape: shapes["w2"] ?? [], scalars: c.w2), bias: Tensor(c.b2)),
                MeanOver(.time)
            ])
            let context = ForwardContext(tape: Tape(), training: true)
            let x = context.tape.parameter(try Tensor(shape: shapes["x"] ?? [], scalars: c.x))
            let output = try network.forward(x, in: context)
            let target = try Tensor(shape: shapes["target"] ?? [], scalars: c.target)
            let loss = try Loss.mse.evaluate(output, target: target, on: context.tape)
            let gradients = try context.tape.gradients(of: loss)

            assertClose(output.value.scalars.map(Double.init), c.output.map(Double.init), absolute: 1e-5, relative: 1e-5, c.convention)
            XCTAssertEqual(Double(loss.value.scalarValue ?? .nan), c.loss, accuracy: 1e-5, c.convention)
            let bound = context.boundParameters.map { gradients[$0].scalars.map(Double.init) }
            let expected = [c.gradW1, c.gradB1, c.gradW2, c.gradB2]
            for (name, (actual, wanted)) in zip(["w1", "b1", "w2", "b2"], zip(bound, expected)) {
                assertClose(actual, wanted, absolute: 1e-5, relative: 1e-4, "\(c.convention) d\(name)")
            }
            assertClose(gradients[x].scalars.map(Double.init), c.gradX, absolute: 1e-5, relative: 1e-4, "\(c.convention) dx")
        }
    }

    func testTheSameSeedTrainsToBitIdenticalWeights() throws {
        func train(seed: UInt64) throws -> [Tensor] {
            var generator = SeededGenerator(seed: seed)
            var network = Sequential([
                try Linear(inputs: 4, outputs: 8, generator: &generator),
                try BatchNorm(features: 8),
                try LIF(),
                try Dropout(rate: 0.2),
                try Linear(inputs: 8, outputs: 3, generator: &generator),
                MeanOver(.time)
            ])
            var optimizer = try Adam(learningRate: 1e-2)
            let x = try Tensor.randn([4, 6, 4], generator: &generator) + 1
            let target = try Tensor.randn([6, 3], generator: &generator)
            for step in 0..<5 {
                let context = ForwardContext(tape: Tape(), training: true, seed: seed &+ UInt64(step))
                let y = try network.forward(context.tape.constant(x), in: context)
                let loss = try Loss.mse.evaluate(y, target: target, on: context.tape)
                let gradients = try context.tape.gradients(of: loss)
                let clipped = try GradientClipping.clip(context.boundParameters.map { gradients[$0] }, maxNorm: 1)
                var parameters = network.parameters
                try optimizer.step(&parameters, gradients: clipped.gradients)
                network.parameters = parameters
                network.buffers = context.updatedBuffers
            }
            return network.parameters + network.buffers
        }
        let first = try train(seed: 42)
        let second = try train(seed: 42)
        XCTAssertEqual(first.flatMap { $0.scalars.map(\.bitPattern) }, second.flatMap { $0.scalars.map(\.bitPattern) })
        XCTAssertNotEqual(first, try train(seed: 43))
    }
}
