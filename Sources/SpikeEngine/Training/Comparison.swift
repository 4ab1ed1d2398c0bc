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
        /// Metric name → its value over the seeds (`samples` in seed order, one per finished run).
        public let metrics: [String: MeanStd]
        /// The wall time of each seed's training, in seconds.
        public let seconds: [Double]
        /// Each finished seed's training run, in seed order (`seeds[i]` trained `runs[i]`).
        public let runs: [TrainingRun]
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

    /// Where an interrupted comparison stopped: the model and seed whose run was cut short,
    /// as the `run`-th (1-based) of `runs` planned.
    public struct Interruption: Equatable, Sendable {
        public let model: String
        public let seed: UInt64
        public let run: Int
        public let runs: Int
    }

    /// The models with at least one finished run (all of them unless interrupted).
    public let rows: [Row]
    /// Metric names in display order (r2, rse, mse, mae — or accuracy).
    public let metricNames: [String]
    public let seeds: [UInt64]
    /// Nil when every run finished; else where it stopped (the rows hold the finished runs only).
    public let interruption: Interruption?

    /// The number of runs that finished (trained and scored).
    public var finishedRuns: Int { rows.reduce(0) { $0 + $1.runs.count } }

    /// Trains a fresh network from each blueprint for each seed (weights, shuffling and dropout
    /// all from that seed) and evaluates it on the test split.
    ///
    /// Throws `.value(argument: .models)` for an empty list, `.value(argument: .seeds)` for
    /// no seeds, and the training errors. An interrupt is not an error: the comparison of the
    /// runs that finished is returned, with `interruption` saying where it stopped.
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
        var interruption: Interruption?
        models: for (modelIndex, model) in models.enumerated() {
            var samples: [String: [Double]] = [:]
            var seconds: [Double] = []
            var runs: [TrainingRun] = []
            defer {
                if !runs.isEmpty {
                    rows.append(Row(name: model.name, metrics: samples.mapValues(MeanStd.init), seconds: seconds, runs: runs))
                }
            }
            for (seedIndex, seed) in seeds.enumerated() {
                let network = model.network.fresh()
                let run = try Trainer.train(
                    network, on: data, options: options.with(seed: seed),
                    progress: { training in
                        progress?(
                            Progress(
                                model: model.name, modelIndex: modelIndex, models: models.count, seed: seed,
                                seedIndex: seedIndex, seeds: seeds.count, training: training))
                    }, isCancelled: isCancelled)
                let scores: Scores
                do {
                    if run.stop == .interrupted { throw EngineError.interrupted }
                    scores = try Evaluation.evaluate(network, on: data.split(.test), isCancelled: isCancelled)
                } catch EngineError.interrupted {
                    interruption = Interruption(
                        model: model.name, seed: seed, run: modelIndex * seeds.count + seedIndex + 1,
                        runs: models.count * seeds.count)
                    break models
                }
                names = scores.named.map(\.name)
                for (name, value) in scores.named { samples[name, default: []].append(value) }
                seconds.append(run.seconds)
                runs.append(run)
            }
        }
        return Comparison(rows: rows, metricNames: names, seeds: seeds, interruption: interruption)
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
