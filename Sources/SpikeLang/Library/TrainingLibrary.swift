import Foundation
import SpikeEngine
import SpikePlot

/// Training and evaluation (docs/language.md §7): `train`, `evaluate`, `predict`, `compare`,
/// `energy`, `last_run`. Training shows a live progress bar (display, then throttled updates)
/// and stops within one layer's work when the user interrupts, leaving the network its best
/// weights; the partial run (or a comparison's finished runs) stays reachable as `last_run()`.
enum TrainingLibrary {
    static func builtins() -> [Builtin] {
        [train(), evaluate(), predict(), compare(), energy(), lastRun()]
    }

    /// Seconds between progress updates (a few per second).
    static let progressInterval = 0.25

    /// Applies the session's `%threads N` (default 1) to the BLAS the engine's matrix
    /// products run on, before a long engine call.
    static func applyThreads(_ evaluator: Evaluator) {
        BLAS.setThreads(evaluator.settings.blasThreads)
    }

    /// The training settings `train` and `compare` share, each declared once here.
    private struct TrainingParameters {
        let epochs: Param<Int>
        let learningRate: Param<Double>
        let batch: Param<Int>
        let optimizer: Param<TrainingOptions.OptimizerKind>
        let clip: Param<Double?>
        let patience: Param<Int?>

        /// Declares `epochs`; the others follow it, after what a builtin puts between them
        /// (compare's `seeds`).
        static func epochs(_ p: Declarations) -> Param<Int> {
            p.declare("epochs", .integer, default: 10, doc: "passes over data.train")
        }

        /// Declares `lr`, `batch`, `optimizer`, `clip`, `patience`, in that order, after `epochs`.
        init(_ p: Declarations, epochs: Param<Int>) {
            self.epochs = epochs
            learningRate = p.declare("lr", .number, default: 1e-3, doc: "the learning rate")
            batch = p.declare("batch", .integer, default: 64, doc: "examples per step")
            optimizer = p.declare("optimizer", .choice(TrainingOptions.OptimizerKind.self), default: .adam, doc: "\"adam\" or \"sgd\"")
            clip = p.declare("clip", .orNone(.number), default: 1, doc: "the largest gradient norm; none: no clipping")
            patience = p.declare("patience", .orNone(.integer), doc: "stop after this many epochs without a better valid loss; none: never")
        }

        func options(_ arguments: Arguments, seed: UInt64) throws -> TrainingOptions {
            let patience = try arguments[patience]
            let clip = try arguments[clip]
            let optimizer = try arguments[optimizer]
            return try arguments.engine {
                try TrainingOptions(
                    epochs: try arguments[epochs], learningRate: try arguments[learningRate],
                    batchSize: try arguments[batch], optimizer: optimizer, clip: clip, patience: patience, seed: seed)
            }
        }
    }

    private static func progressParameter(_ p: Declarations) -> Param<Bool> {
        p.declare("progress", .boolean, default: true, doc: "show a live progress bar")
    }

    private static func train() -> Builtin {
        Builtin(
            "train", topic: .training,
            summary:
                "Trains the model in place on data.train (early stopping on data.valid, best weights kept); shows a live progress bar (progress=false: none); returns the run."
        ) { p in
            let model = p.declare("model", .network, doc: "the network to train (in place)")
            let data = p.declare("data", .taskData, doc: "a forecasting set (windows(...)) or a classification set")
            let training = TrainingParameters(p, epochs: TrainingParameters.epochs(p))
            let seed = p.declare(
                "seed", .integer.checked { $0 >= 0 ? nil : "must be 0 or more, got \($0)" }, default: 0,
                doc: "the seed of initialization, shuffling and dropout; not given: the session's")
            let progress = progressParameter(p)
            return { arguments, evaluator in
                let network = try arguments[model]
                let data = try arguments[data]
                let seed = arguments.isGiven(seed) ? UInt64(try arguments[seed]) : evaluator.settings.seed
                let options = try training.options(arguments, seed: seed)
                let display = ProgressDisplay(
                    sink: evaluator.sink, title: "training \(network.blueprint.name)",
                    enabled: try arguments[progress])
                applyThreads(evaluator)
                let run = try arguments.engine {
                    try Trainer.train(
                        network, on: data, options: options, progress: { display.show($0) },
                        isCancelled: evaluator.cancellation)
                }
                display.finish(run)
                evaluator.settings.lastRun = .run(run)
                if let epoch = run.interruptedEpoch {
                    throw Diagnostic(
                        .trainingInterrupted(
                            epoch: epoch, epochs: options.epochs, finished: run.epochs.count,
                            bestEpoch: run.bestEpoch), at: arguments.callRange)
                }
                return .model(.run(run))
            }
        }
    }

    private static func evaluate() -> Builtin {
        Builtin(
            "evaluate", topic: .training,
            summary: "Scores a trained model on a split (data.test): r2, rse, mse, mae for forecasting; accuracy for classification."
        ) { p in
            let model = p.declare("model", .network, doc: "a trained network")
            let split = p.declare("split", .chosenSplit, doc: "the split to score on: data.test or data.valid")
            return { arguments, evaluator in
                let network = try arguments[model]
                let part = try arguments[split]
                try arguments.requireFits(network, part, model: model, data: split)
                let scores = try arguments.engine {
                    try Evaluation.evaluate(network, on: part, isCancelled: evaluator.cancellation)
                }
                let scale: String? = if case .regression = scores { network.dataNormalizer?.kind.scaleName } else { nil }
                return .model(.scores(scores, scale: scale))
            }
        }
    }

    private static func predict() -> Builtin {
        Builtin(
            "predict", topic: .training,
            summary:
                "Forecasts in the data's original units for a split (data.test) or a tensor of windows [n, window, variates]; class scores for classification."
        ) { p in
            let model = p.declare("model", .network, doc: "a trained network")
            let inputs = p.declare("inputs", .any, doc: "a split such as data.test, or a tensor of windows")
            return { arguments, evaluator in
                let network = try arguments[model]
                let value = try arguments[inputs]
                switch value {
                case .tensor(let tensor):
                    guard network.isBuilt else { throw arguments.invalid(model, "has not met data yet: train it first") }
                    // One example without its batch axis gets one.
                    let perExample = network.exampleShape?.reduce(1, *) ?? 0
                    let shaped =
                        tensor.count == perExample && tensor.shape.first != 1
                        ? try arguments.engine { try tensor.reshaped([1] + tensor.shape) } : tensor
                    return .tensor(
                        try arguments.engine {
                            try Evaluation.predict(network, inputs: shaped, normalized: false, isCancelled: evaluator.cancellation)
                        })
                default:
                    let split = try ArgumentKind.split.read(value, arguments.site(inputs))
                    try arguments.requireFits(network, split, model: model, data: inputs)
                    return .tensor(
                        try arguments.engine {
                            try Evaluation.predict(network, inputs: split.inputs, normalized: true, isCancelled: evaluator.cancellation)
                        })
                }
            }
        }
    }

    private static func compare() -> Builtin {
        Builtin(
            "compare", topic: .training,
            summary:
                "Trains a fresh copy of each model {name: model} for each seed and tabulates the test metrics: per model the first metric's mean with its 95% interval, median and failed runs, the others as mean ± std, with a chart."
        ) { p in
            let models = p.declare("models", .any, doc: "a record {name: model, ...} of networks")
            let data = p.declare("data", .taskData, doc: "a forecasting set (windows(...)) or a classification set")
            let epochs = TrainingParameters.epochs(p)
            let seeds = p.declare("seeds", .integers, default: [0, 1, 2], doc: "one training run per seed")
            let training = TrainingParameters(p, epochs: epochs)
            let progress = progressParameter(p)
            let workers = p.declare(
                "workers", .orNone(.size), default: nil,
                doc:
                    "how many runs train at once, each on a thread of its own (none: every core, at most %threads); results do not depend on it"
            )
            let failure = StatisticsLibrary.failureParameter(p)
            return { arguments, evaluator in
                guard case .record(let record) = try arguments[models] else {
                    throw arguments.mismatch(models, expected: "a record {name: model, ...}")
                }
                let networks = try record.fields.map { field -> (name: String, network: Network) in
                    switch field.value {
                    case .model(.network(let network)): return (field.name, network)
                    default: throw arguments.invalid(models, "'\(field.name)' is \(field.value.typeName), not a network")
                    }
                }
                let seedList = try arguments[seeds].map { seed -> UInt64 in
                    guard seed >= 0 else { throw arguments.invalid(seeds, "seeds must be 0 or more, got \(seed)") }
                    return UInt64(seed)
                }
                let data = try arguments[data]
                let options = try training.options(arguments, seed: 0)
                let display = ProgressDisplay(sink: evaluator.sink, title: "compare", enabled: try arguments[progress])
                let cap = evaluator.settings.threads ?? SessionSettings.cores
                let parallel = min(try arguments[workers] ?? cap, cap, networks.count * seedList.count)
                // The threads %threads allows, shared among the runs (the numbers do not depend on it).
                BLAS.setThreads(max(1, (evaluator.settings.threads ?? 1) / parallel))
                var comparison = try arguments.engine {
                    try Comparison.run(
                        models: networks, on: data, options: options, seeds: seedList, workers: parallel,
                        progress: { display.show($0) }, isCancelled: evaluator.cancellation)
                }
                comparison.failure = try StatisticsLibrary.failureRule(arguments, failure, for: comparison)
                display.finish(comparison)
                evaluator.settings.lastRun = .comparison(comparison)
                if let stop = comparison.interruption {
                    throw Diagnostic(
                        .comparisonInterrupted(
                            model: stop.model, seed: stop.seed, run: stop.run, runs: stop.runs,
                            finished: comparison.finishedRuns), at: arguments.callRange)
                }
                return .model(.comparison(comparison))
            }
        }
    }

    private static func lastRun() -> Builtin {
        Builtin(
            "last_run", topic: .training,
            summary:
                "The last train or compare result of the session, also when it was interrupted (the run so far, or the finished runs); none before any."
        ) { _ in
            { _, evaluator in
                evaluator.settings.lastRun.map { .model($0) } ?? .none
            }
        }
    }

    private static func energy() -> Builtin {
        Builtin(
            "energy", topic: .training,
            summary:
                "Per layer: firing rates, synaptic operations (SOPs), MACs and estimated energy (0.9 pJ per accumulate, 4.6 pJ per MAC), measured on data.test."
        ) { p in
            let model = p.declare("model", .network, doc: "a trained network")
            let data = p.declare("data", .split, doc: "the data to measure on (a set: its test split)")
            return { arguments, evaluator in
                let network = try arguments[model]
                let split = try arguments[data]
                try arguments.requireFits(network, split, model: model, data: data)
                let report = try arguments.engine { try EnergyMeter.measure(network, on: split, isCancelled: evaluator.cancellation) }
                return .table(EnergyView.table(of: report))
            }
        }
    }
}
