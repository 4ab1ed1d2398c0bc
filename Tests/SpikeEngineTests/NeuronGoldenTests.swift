import Foundation
import XCTest

@testable import SpikeEngine

/// The IF and PLIF neurons against scripts/golden_neurons.py: SpikingJelly's equations run in
/// NumPy float64 (forward), and their surrogate gradients computed there in forward mode (the
/// engine's backward is reverse mode), over 16 steps × 3 neurons per configuration.
final class NeuronGoldenTests: XCTestCase {
    /// One configuration of the golden file and the neuron it describes.
    private struct Case {
        let neuron: any Neuron
        let data: GoldenNeuronBlock
    }

    private func cases() throws -> [Case] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        return try GoldenFile("neurons.txt", in: directory).blocks.map { block in
            let reset = try XCTUnwrap(ResetRule(rawValue: block["reset"]?.first ?? ""))
            let (threshold, resetPotential) = (try block.double("threshold"), try block.double("v_reset"))
            let detachReset = try block.double("detach_reset") == 1
            let neuron: any Neuron
            switch block["family"]?.first {
            case "if":
                neuron = try IntegrateAndFire(
                    threshold: threshold, reset: reset, resetPotential: resetPotential,
                    detachReset: detachReset)
            default:
                neuron = try ParametricLIF(
                    initialTau: try block.double("tau0"), threshold: threshold, reset: reset,
                    resetPotential: resetPotential, decayInput: try block.double("decay_input") == 1,
                    detachReset: detachReset)
            }
            return Case(neuron: neuron, data: try GoldenNeuronBlock(block))
        }
    }

    func testTheGoldenFileCoversBothFamiliesInEveryResetMode() throws {
        XCTAssertEqual(
            try cases().map(\.data.name),
            [
                "if_hard", "if_hard_to_v_reset", "if_subtract", "if_attached_reset", "plif_hard", "plif_hard_to_v_reset",
                "plif_subtract", "plif_no_decay_input", "plif_attached_reset", "plif_subtract_attached"
            ])
    }

    func testPLIFStartsAtTheReferenceWeight() throws {
        for golden in try cases() {
            guard let plif = golden.neuron as? ParametricLIF else { continue }
            XCTAssertEqual(plif.w, try golden.data.values("w")[0], golden.data.name)
            XCTAssertEqual(plif.tau, try golden.data.values("tau0")[0], accuracy: 1e-6, golden.data.name)
        }
    }

    func testSimulatedChargesMembranesAndSpikesMatchTheReferenceStepByStep() throws {
        for golden in try cases() {
            // IF adds exactly as NumPy does; PLIF's sigmoid may differ from NumPy's exp in the last bit.
            let tolerance = golden.neuron is IntegrateAndFire ? 0 : 1e-12
            for j in 0..<golden.data.neurons {
                let trace = golden.neuron.simulate(input: try golden.data.column("input", j))
                let label = "\(golden.data.name), neuron \(j)"
                XCTAssertEqual(trace.spikes, try golden.data.column("spikes", j).map { $0 == 1 }, label)
                for (name, actual) in [("charge", trace.charge), ("membrane", trace.membrane)] {
                    for (a, e) in zip(actual, try golden.data.column(name, j)) {
                        XCTAssertEqual(a, e, accuracy: tolerance, "\(label), \(name)")
                    }
                }
            }
        }
    }

    func testTheLayerFiresAsTheReferenceAndItsInputAndWeightGradientsMatchForwardMode() throws {
        // IF starting at 0 runs the fused LIF kernel here (its `equivalentLIF`); the rest the generic op.
        try checkTapeGradients { neuron, x, context in try neuron.forward(x, in: context) }
    }

    func testTheGenericOpFiresAsTheReferenceAndItsInputAndWeightGradientsMatchForwardMode() throws {
        try checkTapeGradients { neuron, x, context in
            try context.tape.spiking(x, neuron: neuron, parameters: neuron.parameters.map { context.bind($0) })
        }
    }

    /// Spikes, dL/dX and dL/dw of `run` against the golden file, L = Σ c · S.
    private func checkTapeGradients(
        file: StaticString = #filePath, line: UInt = #line,
        _ run: (any Neuron, Variable, ForwardContext) throws -> Variable
    ) throws {
        for golden in try cases() {
            let result = try golden.data.tapeRun { x, context in try run(golden.neuron, x, context) }
            let (gradients, context) = (result.gradients, result.context)
            XCTAssertEqual(result.spikes, try golden.data.values("spikes").map { Float($0) }, golden.data.name, file: file, line: line)
            for (actual, expected) in zip(gradients[result.x].scalars, try golden.data.values("grad_input")) {
                XCTAssertEqual(
                    Double(actual), expected, accuracy: 1e-5 * Swift.max(1, Swift.abs(expected)), "\(golden.data.name) dL/dX",
                    file: file, line: line)
            }
            if golden.neuron is ParametricLIF {
                XCTAssertEqual(context.boundParameters.count, 1, golden.data.name, file: file, line: line)
                let gradW = Double(gradients[context.boundParameters[0]].scalars[0])
                let expected = try golden.data.values("grad_w")[0]
                XCTAssertEqual(
                    gradW, expected, accuracy: 1e-5 * Swift.max(1, Swift.abs(expected)), "\(golden.data.name) dL/dw",
                    file: file, line: line)
            } else {
                XCTAssertTrue(context.boundParameters.isEmpty, golden.data.name, file: file, line: line)
            }
        }
    }
}
