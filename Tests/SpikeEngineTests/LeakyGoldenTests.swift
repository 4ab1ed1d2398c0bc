import Foundation
import XCTest

@testable import SpikeEngine

/// `Leaky` against snnTorch 1.0's `snn.Leaky` itself (scripts/golden_snntorch.py, Float32 on
/// CPU): 15 configurations (3 beta/threshold pairs × subtract and zero with and without the
/// reset delay, and "none"), 100 steps × 3 neurons of random currents each.
final class LeakyGoldenTests: XCTestCase {
    /// One configuration of the golden file and the neuron it describes.
    private struct Case {
        let neuron: Leaky
        let data: GoldenNeuronBlock
    }

    private func cases() throws -> [Case] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        return try GoldenFile("snntorch_leaky.txt", in: directory).blocks.map { block in
            let reset = try XCTUnwrap(ResetRule(rawValue: block["reset"]?.first ?? ""))
            let neuron = try Leaky(
                beta: try block.double("beta"), threshold: try block.double("threshold"), reset: reset,
                resetDelay: try block.double("reset_delay") == 1)
            return Case(neuron: neuron, data: try GoldenNeuronBlock(block))
        }
    }

    func testTheGoldenFileCoversEveryResetMechanismWithAndWithoutTheDelay() throws {
        let all = try cases()
        XCTAssertEqual(all.count, 15)
        for reset in ResetRule.allCases {
            XCTAssertTrue(all.contains { $0.neuron.reset == reset && $0.neuron.resetDelay }, "\(reset)")
        }
        for reset in [ResetRule.subtract, .zero] {
            XCTAssertTrue(all.contains { $0.neuron.reset == reset && !$0.neuron.resetDelay }, "\(reset)")
        }
        XCTAssertTrue(all.allSatisfy { $0.data.steps >= 100 })
    }

    func testSimulatedSpikesAndMembranesEqualSnnTorchsBitForBit() throws {
        for golden in try cases() {
            for j in 0..<golden.data.neurons {
                let trace = golden.neuron.simulate(input: try golden.data.column("input", j))
                let label = "\(golden.data.name), neuron \(j)"
                XCTAssertEqual(trace.spikes, try golden.data.column("spikes", j).map { $0 == 1 }, label)
                XCTAssertEqual(trace.membrane, try golden.data.column("membrane", j), label)
            }
        }
    }

    func testTheLayerFiresAsSnnTorchAndItsInputGradientMatchesAutograd() throws {
        for golden in try cases() {
            let result = try golden.data.tapeRun { x, context in try golden.neuron.forward(x, in: context) }
            XCTAssertEqual(result.spikes, try golden.data.values("spikes").map { Float($0) }, golden.data.name)
            // snnTorch's backward runs in Float32, the generic op's in Float64.
            for (actual, expected) in zip(result.gradients[result.x].scalars, try golden.data.values("grad_input")) {
                XCTAssertEqual(Double(actual), expected, accuracy: 1e-4 * Swift.max(1, Swift.abs(expected)), "\(golden.data.name) dL/dX")
            }
        }
    }

    func testLIFsBetaFormDiffersFromSnnTorchsDefaultLeakyOnTheseInputs() throws {
        // Spike's `lif(beta=…)` resets in the same step; snnTorch's default one step later.
        var differing = 0
        var total = 0
        for golden in try cases() where golden.neuron.reset == .subtract && golden.neuron.resetDelay {
            let lif = try LIF(beta: golden.neuron.beta, threshold: golden.neuron.threshold)
            for j in 0..<golden.data.neurons {
                let spikes = lif.simulate(input: try golden.data.column("input", j)).spikes
                let expected = try golden.data.column("spikes", j).map { $0 == 1 }
                differing += zip(spikes, expected).filter { $0 != $1 }.count
                total += spikes.count
            }
        }
        let fraction = Double(differing) / Double(total)
        XCTAssertGreaterThan(fraction, 0.05, "\(differing) of \(total) spikes differ")
    }
}
