import ArgumentParser
import SpikeEngine

/// `spike bench block`: one Spikformer block (x + SSA(x), then x + MLP(x)) on [T, B, L, D],
/// inference forward and training forward + backward, in milliseconds per batch.
struct BlockBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block", abstract: "Spikformer block (SSA + MLP, residual) forward and training step times.")

    @Option(help: "SNN time steps T.") var steps = 4
    @Option(help: "Batch size B.") var batch = 32
    @Option(help: "Sequence length L.") var length = 48
    @Option(help: "Model width D.") var dim = 64
    @Option(help: "Attention heads.") var heads = 4
    @Option(help: "Engine threads (%threads): large blocks and GEMMs split over them.") var threads = 1
    @Option(help: "Timed repetitions (the median is reported).") var repetitions = 5

    struct Report: Encodable {
        let benchmark = "block"
        let steps, batch, length, dim, heads, threads: Int
        let inferenceMs: Double
        let trainingMs: Double
        let inferenceCpuMs: Double
        let trainingCpuMs: Double
    }

    func validate() throws {
        guard steps > 0, batch > 0, length > 0, dim > 0, heads > 0, dim % heads == 0, threads > 0, repetitions > 0 else {
            throw ValidationError("sizes must be positive and dim a multiple of heads")
        }
    }

    func run() throws {
        BLAS.setThreads(threads)
        AllocatorTuning.retainFreedMemory()
        var generator = SeededGenerator(seed: 0)
        let neuron = try LIF(tau: 2)
        let block = Sequential([
            Residual(try SpikingSelfAttention(features: dim, heads: heads, neuron: neuron, generator: &generator)),
            Residual(try MLPBlock(features: dim, hidden: 4 * dim, neuron: neuron, generator: &generator))
        ])
        let input = try Tensor.randn([steps, batch, length, dim], generator: &generator) + 0.5
        let stopwatch = Stopwatch(warmUp: 1, repetitions: repetitions, minimum: 0.2)
        let inference = try stopwatch.median {
            let context = ForwardContext(tape: Tape(recording: false), training: false)
            _ = try block.forward(context.tape.constant(input), in: context)
        }
        let training = try stopwatch.median {
            let context = ForwardContext(tape: Tape(), training: true)
            let y = try block.forward(context.tape.constant(input), in: context)
            let loss = try context.tape.mean(y)
            let gradients = try context.tape.gradients(of: loss)
            _ = context.boundParameters.map { gradients[$0] }
        }
        try printJSON(
            Report(
                steps: steps, batch: batch, length: length, dim: dim, heads: heads, threads: threads,
                inferenceMs: inference.wall * 1e3, trainingMs: training.wall * 1e3,
                inferenceCpuMs: inference.cpu * 1e3, trainingCpuMs: training.cpu * 1e3))
    }
}
