import ArgumentParser
import SpikeEngine

/// `spike bench linear`: a linear layer's forward (x·W + b on the tape, no-grad) and training
/// step against raw `cblas_sgemm` of the same shape, in GFLOP/s.
struct LinearBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linear", abstract: "Linear layer throughput against raw cblas_sgemm.")

    @Option(help: "Rows (tokens: T·B·L).") var rows = 16384
    @Option(help: "Input features.") var inputs = 256
    @Option(help: "Output features.") var outputs = 256
    @Option(help: "Engine threads (%threads): large blocks and GEMMs split over them.") var threads = 1
    @Option(help: "Timed repetitions (the median is reported).") var repetitions = 7

    struct Report: Encodable {
        let benchmark = "linear"
        let rows: Int
        let inputs: Int
        let outputs: Int
        let threads: Int
        let sgemmGflops: Double
        let linearForwardGflops: Double
        let linearForwardBackwardGflops: Double
        let forwardFractionOfSgemm: Double
        /// The same ratio by the process's CPU time (robust when the machine is shared).
        let forwardFractionOfSgemmCpu: Double
    }

    func validate() throws {
        guard rows > 0, inputs > 0, outputs > 0, threads > 0, repetitions > 0 else {
            throw ValidationError("rows, inputs, outputs, threads and repetitions must be positive")
        }
    }

    func run() throws {
        BLAS.setThreads(threads)
        AllocatorTuning.retainFreedMemory()
        let x = try Tensor.randn([rows, inputs], seed: 1)
        let w = try Tensor.randn([inputs, outputs], seed: 2)
        let b = try Tensor.randn([outputs], seed: 3)
        let stopwatch = Stopwatch(repetitions: repetitions)
        var c = [Float](repeating: 0, count: rows * outputs)
        let raw = try stopwatch.median {
            try BLAS.multiply(x.scalars, w.scalars, into: &c, m: rows, k: inputs, n: outputs)
        }
        let forward = try stopwatch.median {
            let tape = Tape(recording: false)
            _ = try tape.linear(tape.constant(x), weight: tape.constant(w), bias: tape.constant(b))
        }
        let seed = try Tensor.ones([rows, outputs])
        let training = try stopwatch.median {
            let tape = Tape()
            let weight = tape.parameter(w)
            let bias = tape.parameter(b)
            let y = try tape.linear(tape.constant(x), weight: weight, bias: bias)
            let gradients = try tape.gradients(of: y, seed: seed)
            _ = gradients[weight]
        }
        let flops = 2 * Double(rows) * Double(inputs) * Double(outputs)
        try printJSON(
            Report(
                rows: rows, inputs: inputs, outputs: outputs, threads: threads,
                sgemmGflops: flops / raw.wall / 1e9, linearForwardGflops: flops / forward.wall / 1e9,
                linearForwardBackwardGflops: 2 * flops / training.wall / 1e9,
                forwardFractionOfSgemm: raw.wall / forward.wall,
                forwardFractionOfSgemmCpu: raw.cpu / forward.cpu))
    }
}
