import ArgumentParser
import Foundation
import SpikeEngine

/// `spike bench compare`: the wall time of one comparison (SpikeRNN with and without CPG-PE ×
/// seeds, on the bundled digits) with its runs one at a time and in parallel, the speed-up and
/// the efficiency per worker. Prints, never asserts (docs/architecture.md §5: parallel runs).
///
///     spike bench compare --seeds 4 --epochs 3 --workers 2
struct CompareBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "compare() with its runs one at a time and in parallel: speed-up per worker.")

    @Option(help: "Seeds per model (2 models).") var seeds = 4
    @Option(help: "Epochs per run.") var epochs = 3
    @Option(help: "Parallel runs (default: one per core).") var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    @Option(help: "Timed repetitions of each setting (the median is reported).") var repetitions = 3

    struct Report: Encodable {
        let benchmark = "compare"
        let runs: Int
        let workers: Int
        let cores: Int
        /// Median wall seconds of the whole comparison, one run at a time and `workers` at once.
        let sequentialSeconds: Double
        let parallelSeconds: Double
        let speedUp: Double
        /// Speed-up divided by the workers: 1 is perfect scaling.
        let efficiencyPerWorker: Double
        /// Whether both settings gave bit-identical test metrics.
        let identicalResults: Bool
    }

    func validate() throws {
        for (name, value) in [("seeds", seeds), ("epochs", epochs), ("workers", workers), ("repetitions", repetitions)]
        where value < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
    }

    func run() throws {
        AllocatorTuning.retainFreedMemory()
        BLAS.setThreads(1)
        let data = TaskData.classification(try ClassificationSet(try BundledDataset.digits.labeledData()))
        func model(_ encoding: PositionalEncoding) throws -> Network {
            try Network(
                .model(.spikeRNN(try SpikeRNNOptions(hidden: 64, layers: 1, steps: 4, encoding: encoding, neuron: try LIF()))),
                example: [8, 8])
        }
        let models = [("none", try model(.none)), ("cpg", try model(.standardCPG))]
        let options = try TrainingOptions(epochs: epochs, batchSize: 32)
        let seedList = (0..<seeds).map(UInt64.init)
        func timed(_ workers: Int) throws -> (seconds: Double, metrics: [[Double]]) {
            var times: [Double] = []
            var metrics: [[Double]] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                let comparison = try Comparison.run(models: models, on: data, options: options, seeds: seedList, workers: workers)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                metrics = comparison.rows.flatMap { row in comparison.metricNames.compactMap { row.metrics[$0]?.samples } }
            }
            return (times.sorted()[times.count / 2], metrics)
        }
        let sequential = try timed(1)
        let parallel = try timed(workers)
        let speedUp = sequential.seconds / parallel.seconds
        try printJSON(
            Report(
                runs: models.count * seeds, workers: workers, cores: ProcessInfo.processInfo.activeProcessorCount,
                sequentialSeconds: sequential.seconds, parallelSeconds: parallel.seconds, speedUp: speedUp,
                efficiencyPerWorker: speedUp / Double(min(workers, models.count * seeds)),
                identicalResults: sequential.metrics == parallel.metrics))
    }
}
