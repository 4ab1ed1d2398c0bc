import Foundation
import TestSupport
import XCTest

@testable import SpikeEngine

/// Training a fixed tiny spiking network for a few Adam steps matches an independent NumPy
/// implementation (scripts/golden_training.py): same initial weights, same batches.
final class GoldenTrainingTests: XCTestCase {
    struct Golden: Decodable {
        struct Shape: Decodable {
            let steps, batch, length, variates, horizon, width, pairs: Int
            let tauPE, lr, clip: Double

            enum CodingKeys: String, CodingKey {
                case steps, batch, length, variates, horizon, width, pairs, lr, clip
                case tauPE = "tau_pe"
            }
        }
        struct Batch: Decodable {
            let inputs: [Float]
            let targets: [Float]
        }
        let shape: Shape
        let initial: [[Float]]
        let batches: [Batch]
        let losses: [Double]
        let final: [[Float]]
    }

    func loadGolden() throws -> Golden {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/tiny_training.json")
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    func testATinySpikingNetworkTrainsExactlyAsTheNumPyReference() throws {
        let golden = try loadGolden()
        let s = golden.shape
        let lif = try LIF()
        let blueprint = Blueprint.sequence([
            .encoder(.repeat, steps: s.steps, neuron: lif),
            .positional(.cpg(pairs: s.pairs, tau: s.tauPE, threshold: 0.8, index: .rolling)),
            .neuron(lif), .linear(outputs: s.width, bias: false), .batchNorm, .neuron(lif),
            .meanOver(.time), .meanOver(.length), .linear(outputs: s.horizon * s.variates, bias: true)
        ])
        let network = try Network(blueprint, example: [s.length, s.variates], outputs: [s.horizon, s.variates])
        let shapes = network.parameters.map(\.shape)
        XCTAssertEqual(shapes.count, golden.initial.count)
        network.parameters = try zip(shapes, golden.initial).map { try Tensor(shape: $0, scalars: $1) }

        var optimizer: any Optimizer = try Adam(learningRate: Float(s.lr))
        var losses: [Double] = []
        for batch in golden.batches {
            let inputs = try Tensor(shape: [s.batch, s.length, s.variates], scalars: batch.inputs)
            let targets = try Tensor(shape: [s.batch, s.horizon, s.variates], scalars: batch.targets)
            losses.append(
                try Trainer.step(
                    network, inputs: inputs, targets: targets, loss: .mse, optimizer: &optimizer,
                    clip: Float(s.clip), seed: 0))
        }
        assertClose(losses, golden.losses, absolute: 1e-6, relative: 1e-4, "losses per step")
        for (index, (actual, expected)) in zip(network.parameters, golden.final).enumerated() {
            assertClose(
                actual.scalars.map(Double.init), expected.map(Double.init), absolute: 2e-5, relative: 1e-3,
                "parameter \(index) after \(golden.batches.count) steps")
        }
    }
}
