import ArgumentParser
import SpikeEngine

/// `spike bench lif`: multi-step LIF throughput in neuron-steps per second, forward (inference)
/// and forward + backward (training forward, then BPTT with the surrogate).
struct LIFBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lif", abstract: "Multi-step LIF forward and forward+backward throughput.")

    /// The two neuron conventions of docs/science.md §1.
    enum Convention: String, ExpressibleByArgument, CaseIterable {
        case decayInput = "decay-input"
        case subtract
    }

    @Option(help: "SNN time steps T.") var steps = 4
    @Option(help: "Batch size B.") var batch = 64
    @Option(help: "Neurons per sample D.") var features = 1024
    @Option(help: "Engine threads (%threads): large blocks and GEMMs split over them.") var threads = 1
    @Option(help: "decay-input (tau 2, hard reset) or subtract (beta 0.99).") var convention = Convention.decayInput
    @Option(help: "Timed repetitions (the median is reported).") var repetitions = 7

    struct Report: Encodable {
        let benchmark = "lif"
        let convention: String
        let steps: Int
        let batch: Int
        let features: Int
        let threads: Int
        let repetitions: Int
        let forwardSeconds: Double
        let forwardBackwardSeconds: Double
        let forwardNeuronStepsPerS: Double
        let forwardBackwardNeuronStepsPerS: Double
        /// The same rates by the process's CPU time (robust when the machine is shared).
        let forwardNeuronStepsPerCpuS: Double
        let forwardBackwardNeuronStepsPerCpuS: Double
    }

    func validate() throws {
        guard steps > 0, batch > 0, features > 0, threads > 0, repetitions > 0 else {
            throw ValidationError("steps, batch, features, threads and repetitions must be positive")
        }
    }

    func run() throws {
        BLAS.setThreads(threads)
        AllocatorTuning.retainFreedMemory()
        let neuron = convention == .decayInput ? try LIF(tau: 2) : try LIF(beta: 0.99)
        // Inputs around the threshold so that a fair share of neurons fire.
        let input = try Tensor.randn([steps, batch, features], seed: 0) * 0.5 + 1
        let seed = try Tensor.ones(input.shape)
        let stopwatch = Stopwatch(repetitions: repetitions)
        let forward = try stopwatch.median {
            _ = try neuron.run(input)
        }
        let forwardBackward = try stopwatch.median {
            let tape = Tape()
            let x = tape.parameter(input)
            let spikes = try tape.lif(x, neuron: neuron)
            _ = try tape.gradients(of: spikes, seed: seed)[x]
        }
        let neuronSteps = Double(steps * batch * features)
        try printJSON(
            Report(
                convention: convention.rawValue, steps: steps, batch: batch, features: features, threads: threads,
                repetitions: repetitions, forwardSeconds: forward.wall, forwardBackwardSeconds: forwardBackward.wall,
                forwardNeuronStepsPerS: neuronSteps / forward.wall,
                forwardBackwardNeuronStepsPerS: neuronSteps / forwardBackward.wall,
                forwardNeuronStepsPerCpuS: neuronSteps / forward.cpu,
                forwardBackwardNeuronStepsPerCpuS: neuronSteps / forwardBackward.cpu))
    }
}
