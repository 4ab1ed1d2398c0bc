import ArgumentParser
import Foundation
import SpikeEngine

/// `spike bench train`: one training step (forward, backward, clipping, Adam) and one
/// inference batch of a paper model on random windows, with the process's peak memory —
/// the figures `bench/train_compare.py` sets beside the reference SeqSNN on PyTorch.
///
///     spike bench train --model spikformer --pe cpg --variates 8 --window 48 --horizon 12 \
///         --batch 32 --dim 64 --depth 2 --heads 4 --steps 4 --threads 1
struct TrainBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Training-step and inference time of spikformer or spike_rnn, and peak memory.")

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case spikformer
        case spikeRNN = "spike_rnn"
    }

    enum Encoding: String, ExpressibleByArgument, CaseIterable {
        case none, cpg
    }

    @Option(help: "spikformer or spike_rnn.") var model = Model.spikformer
    @Option(help: "Positional encoding: none or cpg (concatenated).") var pe = Encoding.cpg
    @Option(help: "CPG-PE pairs (2·pairs channels).") var pairs = 5
    @Option(help: "CPG-PE tau (default: 10000 for spikformer, 1000 for spike_rnn).") var tau: Double?
    @Option(help: "Variates per window.") var variates = 8
    @Option(help: "Window length.") var window = 48
    @Option(help: "Forecast horizon.") var horizon = 12
    @Option(help: "Batch size.") var batch = 32
    @Option(help: "Spikformer width.") var dim = 64
    @Option(help: "Spikformer blocks.") var depth = 2
    @Option(help: "Spikformer heads.") var heads = 4
    @Option(help: "SpikeRNN hidden width.") var hidden = 64
    @Option(help: "SpikeRNN layers.") var layers = 2
    @Option(help: "SNN time steps T.") var steps = 4
    @Option(help: "Engine threads (%threads): large blocks and GEMMs split over them.") var threads = 1
    @Option(help: "Timed repetitions (the median is reported).") var repetitions = 7

    struct Report: Encodable {
        let benchmark = "train"
        let model: String
        let pe: String
        let variates, window, horizon, batch, steps, threads: Int
        let parameters: Int
        /// Median wall-clock milliseconds, the process's CPU milliseconds (robust on a shared
        /// machine) and the calling thread's (the work not split off, see `Stopwatch`).
        let trainStepMs: Double
        let trainStepCpuMs: Double
        let trainStepThreadCpuMs: Double
        let inferenceBatchMs: Double
        let inferenceBatchCpuMs: Double
        let inferenceBatchThreadCpuMs: Double
        let peakRssMb: Double
    }

    func validate() throws {
        for (name, value) in [
            ("variates", variates), ("window", window), ("horizon", horizon), ("batch", batch),
            ("steps", steps), ("threads", threads), ("repetitions", repetitions)
        ] where value < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
    }

    func run() throws {
        BLAS.setThreads(threads)
        AllocatorTuning.retainFreedMemory()
        let neuron = try LIF()
        let encoding: PositionalEncoding =
            pe == .none
            ? .none
            : .cpg(pairs: pairs, tau: tau ?? (model == .spikformer ? 10_000 : 1_000), threshold: 0.8, index: .rolling)
        let spec: ModelSpec =
            model == .spikformer
            ? .spikformer(try SpikformerOptions(dim: dim, depth: depth, heads: heads, steps: steps, encoding: encoding, neuron: neuron))
            : .spikeRNN(try SpikeRNNOptions(hidden: hidden, layers: layers, steps: steps, encoding: encoding, neuron: neuron))
        let network = try Network(.model(spec), example: [window, variates], outputs: [horizon, variates])
        let inputs = try Tensor.randn([batch, window, variates], seed: 1)
        let targets = try Tensor.randn([batch, horizon, variates], seed: 2)
        var optimizer: any Optimizer = try Adam(learningRate: 1e-3)
        let stopwatch = Stopwatch(warmUp: 2, repetitions: repetitions, minimum: 0.2)
        let training = try stopwatch.median {
            _ = try Trainer.step(network, inputs: inputs, targets: targets, loss: .mse, optimizer: &optimizer, clip: 1, seed: 0)
        }
        let inference = try stopwatch.median {
            _ = try Evaluation.outputs(network, inputs: inputs, batchSize: batch)
        }
        try printJSON(
            Report(
                model: model.rawValue, pe: pe.rawValue, variates: variates, window: window, horizon: horizon, batch: batch,
                steps: steps, threads: threads, parameters: network.parameterCount,
                trainStepMs: training.wall * 1e3, trainStepCpuMs: training.cpu * 1e3,
                trainStepThreadCpuMs: training.threadCPU * 1e3, inferenceBatchMs: inference.wall * 1e3,
                inferenceBatchCpuMs: inference.cpu * 1e3, inferenceBatchThreadCpuMs: inference.threadCPU * 1e3,
                peakRssMb: Self.peakResidentMegabytes()))
    }

    /// The process's peak resident set size (VmHWM in /proc/self/status), in MiB; 0 where unavailable.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
