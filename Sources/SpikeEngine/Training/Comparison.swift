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
        /// Each finished seed's training run, in seed order (`seeds[i]` trained `runs[i]`);
        /// empty for a comparison read from a sweep log, which keeps no runs.
        public let runs: [TrainingRun]
        /// The seed of each sample, in order (the seeds whose runs finished).
        public let seeds: [UInt64]

        public init(name: String, metrics: [String: MeanStd], seconds: [Double], runs: [TrainingRun], seeds: [UInt64]) {
            self.name = name
            self.metrics = metrics
            self.seconds = seconds
            self.runs = runs
            self.seeds = seeds
        }
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
    /// The scale the metrics are on (`Normalization.scaleName` of forecasting data); nil when
    /// unknown or not a question (accuracy).
    public let scale: String?
    /// The split the metrics were measured on ("test" for `run`); nil when unknown (a sweep's).
    public var split: String?
    /// When a run counts as failed (collapsed); nil for no rule. `run` and `SweepLog` set
    /// `FailureRule.standard` for the first metric; `compare(failure=)` replaces it.
    public var failure: FailureRule?

    /// The number of runs that finished (trained and scored).
    public var finishedRuns: Int { rows.reduce(0) { $0 + $1.runs.count } }

    /// Trains a fresh network from each blueprint for each seed (weights, shuffling and dropout
    /// all from that seed) and evaluates it on the test split, running up to `workers` of these
    /// (model, seed) runs at once on threads of their own (docs/architecture.md §5).
    ///
    /// The results do not depend on `workers`: each run builds its own network and draws from
    /// its own seed, and runs share nothing. `progress` is called on the calling thread, after
    /// every batch of every run (runs in parallel interleave). Throws `.value(argument: .models)`
    /// for an empty list, `.value(argument: .seeds)` for no seeds, and the first failing run's
    /// error (in model, then seed order), which stops the others. An interrupt is not an error:
    /// the comparison of the runs that finished is returned, with `interruption` naming the
    /// first run (in that order) that did not.
    public static func run(
        models: [(name: String, network: Network)], on data: TaskData, options: TrainingOptions, seeds: [UInt64],
        workers: Int = 1, progress: ((Progress) -> Void)? = nil, isCancelled: CancellationCheck? = nil
    ) throws -> Comparison {
        guard !models.isEmpty else {
            throw EngineError.value(argument: .models, message: "give at least one model, as a record {name: model}")
        }
        guard !seeds.isEmpty else {
            throw EngineError.value(argument: .seeds, message: "give at least one seed")
        }
        let plan = models.enumerated().flatMap { modelIndex, model in
            seeds.enumerated().map { seedIndex, seed in
                Planned(
                    model: model.name, modelIndex: modelIndex, recipe: model.network.recipe, seed: seed, seedIndex: seedIndex)
            }
        }
        let outcomes = RunPool.run(
            count: plan.count, workers: workers,
            job: { index, report, stopped in
                plan[index].run(on: data, options: options, report: report, isCancelled: stopped)
            },
            isFailure: { if case .failed = $0 { true } else { false } },
            onEvent: { index, training in
                let planned = plan[index]
                progress?(
                    Progress(
                        model: planned.model, modelIndex: planned.modelIndex, models: models.count, seed: planned.seed,
                        seedIndex: planned.seedIndex, seeds: seeds.count, training: training))
            }, isCancelled: isCancelled)
        for outcome in outcomes.results {
            if case .failed(let error) = outcome { throw error }
        }
        var scale: String?
        var classes: Int?
        switch data {
        case .forecasting(let set): scale = set.normalizer.kind.scaleName
        case .classification(let set): classes = set.classCount
        }
        var comparison = Comparison(plan: plan, outcomes: outcomes.results, seeds: seeds, scale: scale)
        comparison.split = "test"
        comparison.failure = comparison.metricNames.first.flatMap { FailureRule.standard(metric: $0, classes: classes) }
        return comparison
    }

    /// The comparison of the finished runs of `plan` (model-major), whose outcomes hold no failure.
    private init(plan: [Planned], outcomes: [Outcome?], seeds: [UInt64], scale: String?) {
        var rows: [Row] = []
        var names: [String] = []
        var interruption: Interruption?
        for start in stride(from: 0, to: plan.count, by: seeds.count) {
            var samples: [String: [Double]] = [:]
            var seconds: [Double] = []
            var runs: [TrainingRun] = []
            var finished: [UInt64] = []
            for index in start..<start + seeds.count {
                guard case .finished(let run, let scores) = outcomes[index] else {
                    if interruption == nil {
                        interruption = Interruption(
                            model: plan[index].model, seed: plan[index].seed, run: index + 1, runs: plan.count)
                    }
                    continue
                }
                names = scores.named.map(\.name)
                for (name, value) in scores.named { samples[name, default: []].append(value) }
                seconds.append(run.seconds)
                runs.append(run)
                finished.append(plan[index].seed)
            }
            if !runs.isEmpty {
                rows.append(
                    Row(
                        name: plan[start].model, metrics: samples.mapValues(MeanStd.init), seconds: seconds, runs: runs,
                        seeds: finished))
            }
        }
        self.init(rows: rows, metricNames: names, seeds: seeds, interruption: interruption, scale: scale)
    }

    /// A comparison of given rows (`SweepLog` builds one from a sweep's records).
    public init(rows: [Row], metricNames: [String], seeds: [UInt64], interruption: Interruption?, scale: String? = nil) {
        self.rows = rows
        self.metricNames = metricNames
        self.seeds = seeds
        self.interruption = interruption
        self.scale = scale
        failure = metricNames.first.flatMap { FailureRule.standard(metric: $0) }
    }

    /// The number of `row`'s runs that fail `failure` (nil without a rule or that metric).
    public func failures(of row: Row) -> Int? {
        guard let failure, let samples = row.metrics[failure.metric]?.samples else { return nil }
        return failure.failures(samples)
    }

    /// One (model, seed) run of a comparison, as a job for a worker thread.
    private struct Planned: Sendable {
        let model: String
        let modelIndex: Int
        let recipe: Network.Recipe
        let seed: UInt64
        let seedIndex: Int

        /// Trains a fresh network and scores it on the test split; `.interrupted` when
        /// `isCancelled` fired first.
        func run(
            on data: TaskData, options: TrainingOptions, report: @escaping @Sendable (TrainingProgress) -> Void,
            isCancelled: @escaping @Sendable () -> Bool
        ) -> Outcome {
            do {
                let network = recipe.network()
                let run = try Trainer.train(
                    network, on: data, options: options.with(seed: seed), progress: report, isCancelled: isCancelled)
                if run.stop == .interrupted { return .interrupted }
                return .finished(run, try Evaluation.evaluate(network, on: data.split(.test), isCancelled: isCancelled))
            } catch EngineError.interrupted {
                return .interrupted
            } catch {
                return .failed(error)
            }
        }
    }

    /// How one planned run ended.
    private enum Outcome: Sendable {
        case finished(TrainingRun, Scores)
        case interrupted
        case failed(any Error)
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
