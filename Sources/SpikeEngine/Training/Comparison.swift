import Foundation

/// Several models trained over several seeds on the same data, scored on the test split:
/// one `MeanStd` per model and metric (docs/science.md §5: "several seeds").
///
///     let table = try Comparison.run(models: [("no_pe", a), ("cpg_pe", b)], on: data,
///                                    options: try TrainingOptions(epochs: 5), seeds: [0, 1, 2])
///     table.rows[1].metrics["r2"]   // MeanStd(mean: ..., std: ..., samples: [...])
public struct Comparison: Sendable {
    /// One model's results.
    public struct Row: Sendable {
        public let name: String
        /// Metric name → its value over the seeds.
        public let metrics: [String: MeanStd]
        /// The wall time of each seed's training, in seconds.
        public let seconds: [Double]
    }

    /// Which model and seed is training, for progress displays.
    public struct Progress: Sendable {
        public let model: String
        public let modelIndex: Int
        public let models: Int
        public let seed: UInt64
        public let seedIndex: Int
        public let seeds: Int
        public let training: TrainingProgress
    }

    public let rows: [Row]
    /// Metric names in display order (r2, rse, mse, mae — or accuracy).
    public let metricNames: [String]
    public let seeds: [UInt64]

    /// Trains a fresh network from each blueprint for each seed (weights, shuffling and dropout
    /// all from that seed) and evaluates it on the test split.
    ///
    /// Throws `.value(argument: .models)` for an empty list, `.value(argument: .seeds)` for
    /// no seeds, `.interrupted` when cancelled, and the training errors.
    public static func run(
        models: [(name: String, network: Network)], on data: TaskData, options: TrainingOptions, seeds: [UInt64],
        progress: ((Progress) -> Void)? = nil, isCancelled: CancellationCheck? = nil
    ) throws -> Comparison {
        guard !models.isEmpty else {
            throw EngineError.value(argument: .models, message: "give at least one model, as a record {name: model}")
        }
        guard !seeds.isEmpty else {
            throw EngineError.value(argument: .seeds, message: "give at least one seed")
        }
        var rows: [Row] = []
        var names: [String] = []
        for (modelIndex, model) in models.enumerated() {
            var samples: [String: [Double]] = [:]
            var seconds: [Double] = []
            for (seedIndex, seed) in seeds.enumerated() {
                let network = model.network.fresh()
                let run = try Trainer.train(network, on: data, options: options.with(seed: seed), progress: { training in
                    progress?(Progress(model: model.name, modelIndex: modelIndex, models: models.count, seed: seed,
                                       seedIndex: seedIndex, seeds: seeds.count, training: training))
                }, isCancelled: isCancelled)
                if run.stop == .interrupted { throw EngineError.interrupted }
                let scores = try Evaluation.evaluate(network, on: data.split(.test), isCancelled: isCancelled)
                names = scores.named.map(\.name)
                for (name, value) in scores.named { samples[name, default: []].append(value) }
                seconds.append(run.seconds)
            }
            rows.append(Row(name: model.name, metrics: samples.mapValues(MeanStd.init), seconds: seconds))
        }
        return Comparison(rows: rows, metricNames: names, seeds: seeds)
    }
}

/// The mean and the sample standard deviation (n − 1; 0 for one sample) of some numbers.
public struct MeanStd: Equatable, Sendable {
    public let mean: Double
    public let std: Double
    public let samples: [Double]

    public init(_ samples: [Double]) {
        self.samples = samples
        let n = Double(samples.count)
        let average = samples.isEmpty ? Double.nan : samples.reduce(0, +) / n
        mean = average
        let spread = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        std = samples.count > 1 ? (spread / (n - 1)).squareRoot() : 0
    }
}
