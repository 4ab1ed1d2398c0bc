import SpikeKernels
import XCTest

@testable import SpikeEngine

/// One model trained on several threads (`%threads`, docs/architecture.md §3) gives the bits
/// it gives on one: the kernels split independent rows, neurons, features and heads, never a
/// sum. The split thresholds are lowered so these small models cross every one of them (with
/// the defaults only paper-size shapes would).
final class ThreadedTrainingTests: XCTestCase {
    /// Everything a training step computes, as bit patterns: the forward output, the loss, each
    /// bound parameter's gradient, the batch norms' updated running statistics, and the
    /// inference output.
    private struct StepResult {
        let output: [UInt32]
        let loss: [UInt32]
        let gradients: [[UInt32]]
        let buffers: [[UInt32]]
        let inference: [UInt32]
    }

    private func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }

    private func step(_ spec: ModelSpec, threads: Int) throws -> StepResult {
        KernelThreads.set(threads, minimumWork: 64, minimumGEMMWork: 1 << 10)
        defer { KernelThreads.set(1) }
        let network = try Network(.model(spec), example: [24, 6], outputs: [4, 6])
        // Inputs scaled up so every layer's neurons fire (and spiking inputs are sparse enough
        // for the accumulating kernels in some layers, dense in others).
        let inputs = try Tensor.randn([8, 24, 6], seed: 11) * 3
        let targets = try Tensor.randn([8, 4, 6], seed: 12)
        let tape = Tape()
        let context = ForwardContext(tape: tape, training: true, seed: 5)
        let output = try network.forward(tape.constant(inputs), in: context)
        let loss = try Loss.mse.evaluate(output, target: targets, on: tape)
        let gradients = try tape.gradients(of: loss)
        return StepResult(
            output: bits(output.value), loss: bits(loss.value), gradients: context.boundParameters.map { bits(gradients[$0]) },
            buffers: context.updatedBuffers.map(bits),
            inference: bits(try Evaluation.outputs(network, inputs: inputs, batchSize: 8)))
    }

    func testATrainingStepAndAnInferenceBatchGiveTheSameBitsOnOneTwoAndThreeThreads() throws {
        let neuron = try LIF()
        let specs: [ModelSpec] = [
            .spikformer(try SpikformerOptions(dim: 32, depth: 2, heads: 4, steps: 3, encoding: .standardCPG, neuron: neuron)),
            .spikeRNN(try SpikeRNNOptions(hidden: 32, layers: 2, steps: 3, encoding: .standardCPG, neuron: neuron))
        ]
        for spec in specs {
            let one = try step(spec, threads: 1)
            XCTAssertTrue(one.gradients.contains { $0.contains { Float(bitPattern: $0) != 0 } }, "the gradients are not all zero")
            XCTAssertTrue(one.inference.allSatisfy { Float(bitPattern: $0).isFinite })
            for threads in [2, 3] {
                let split = try step(spec, threads: threads)
                XCTAssertEqual(split.output, one.output, "output, \(threads) threads, \(spec)")
                XCTAssertEqual(split.loss, one.loss, "loss, \(threads) threads")
                XCTAssertEqual(split.buffers, one.buffers, "running statistics, \(threads) threads")
                XCTAssertEqual(split.inference, one.inference, "inference, \(threads) threads")
                XCTAssertEqual(split.gradients.count, one.gradients.count)
                for (index, (a, b)) in zip(split.gradients, one.gradients).enumerated() {
                    XCTAssertEqual(a, b, "gradient of parameter \(index), \(threads) threads, \(spec)")
                }
            }
        }
    }
}
