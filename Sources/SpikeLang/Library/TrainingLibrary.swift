import Foundation
import SpikeEngine
import SpikePlot

/// Training and evaluation (docs/language.md §7): `train`, `evaluate`, `predict`, `compare`,
/// `energy`. Training shows a live progress bar (display, then throttled updates) and stops
/// within one layer's work when the user interrupts, leaving the network its best weights.
enum TrainingLibrary {
    static func builtins() -> [Builtin] {
        [train(), evaluate(), predict(), compare(), energy()]
    }

    /// Seconds between progress updates (a few per second).
    static let progressInterval = 0.25

    private static func trainingOptions(_ arguments: Arguments, seed: UInt64, epochsOnly: Bool = false) throws -> TrainingOptions {
        let patience: Int? = arguments.isGiven("patience") && !(arguments.value("patience").isNone) ? try arguments.integer("patience") : nil
        let clip: Double? = arguments.value("clip").isNone ? nil : try arguments.number("clip")
        let optimizer = try arguments.choice("optimizer", among: TrainingOptions.OptimizerKind.allCases.map(\.rawValue))
        return try arguments.engine {
            try TrainingOptions(
                epochs: try arguments.integer("epochs"), learningRate: try arguments.number("lr"), batchSize: try arguments.integer("batch"),
                optimizer: TrainingOptions.OptimizerKind(rawValue: optimizer) ?? .adam, clip: clip, patience: patience, seed: seed)
        }
    }

    /// Applies the session's `%threads N` (default 1) to the BLAS the engine's matrix
    /// products run on, before a long engine call.
    static func applyThreads(_ evaluator: Evaluator) {
        BLAS.setThreads(max(1, evaluator.settings.threads))
    }

    /// The seed argument if given, else the session's (`%seed N`).
    private static func seed(_ arguments: Arguments, _ evaluator: Evaluator) throws -> UInt64 {
        guard arguments.isGiven("seed") else { return evaluator.settings.seed }
        let seed = try arguments.integer("seed")
        guard seed >= 0 else { throw arguments.invalid("seed", "must be 0 or more, got \(seed)") }
        return UInt64(seed)
    }

    /// Built on each use: a parameter's default is a `Value`, which is not `Sendable`, so it
    /// cannot be a shared constant.
    private static var trainingParameters: [Signature.Parameter] {
        [
            optional("epochs", .number(10)), optional("lr", .number(1e-3)), optional("batch", .number(64)),
            optional("optimizer", .string("adam")), optional("clip", .number(1)), optional("patience", .none),
        ]
    }

    private static func train() -> Builtin {
        Builtin(Signature("train", [required("model"), required("data")] + trainingParameters
                          + [optional("seed", .number(0)), optional("progress", .boolean(true))]),
                topic: .training,
                summary: "Trains the model in place on data.train (early stopping on data.valid, best weights kept); shows a live progress bar (progress=false: none); returns the run.") { arguments, evaluator in
            let network = try arguments.network("model")
            let data = try arguments.taskData()
            let options = try trainingOptions(arguments, seed: try seed(arguments, evaluator))
            let progress = ProgressDisplay(sink: evaluator.sink, title: "training \(network.blueprint.name)",
                                           enabled: try arguments.boolean("progress"))
            applyThreads(evaluator)
            let run = try arguments.engine {
                try Trainer.train(network, on: data, options: options, progress: { progress.show($0) },
                                  isCancelled: evaluator.cancellation)
            }
            progress.finish(run)
            if run.stop == .interrupted { throw Diagnostic(.interrupted, at: arguments.callRange) }
            return .model(.run(run))
        }
    }

    private static func evaluate() -> Builtin {
        Builtin(Signature("evaluate", [required("model"), required("split")]), topic: .training,
                summary: "Scores a trained model on a split (data.test): r2, rse, mse, mae for forecasting; accuracy for classification.") { arguments, evaluator in
            let network = try arguments.network("model")
            let split = try arguments.split("split")
            try arguments.requireFits(network, split, argument: "split")
            return .model(.scores(try arguments.engine {
                try Evaluation.evaluate(network, on: split, isCancelled: evaluator.cancellation)
            }))
        }
    }

    private static func predict() -> Builtin {
        Builtin(Signature("predict", [required("model"), required("inputs")]), topic: .training,
                summary: "Forecasts in the data's original units for a split (data.test) or a tensor of windows [n, window, variates]; class scores for classification.") { arguments, evaluator in
            let network = try arguments.network("model")
            switch arguments.value("inputs") {
            case .tensor(let tensor):
                guard network.isBuilt else { throw arguments.invalid("model", "has not met data yet: train it first") }
                // One example without its batch axis gets one.
                let perExample = network.exampleShape?.reduce(1, *) ?? 0
                let shaped = tensor.count == perExample && tensor.shape.first != 1
                    ? try arguments.engine { try tensor.reshaped([1] + tensor.shape) } : tensor
                return .tensor(try arguments.engine {
                    try Evaluation.predict(network, inputs: shaped, normalized: false, isCancelled: evaluator.cancellation)
                })
            default:
                let split = try arguments.split("inputs")
                try arguments.requireFits(network, split, argument: "inputs")
                return .tensor(try arguments.engine {
                    try Evaluation.predict(network, inputs: split.inputs, normalized: true, isCancelled: evaluator.cancellation)
                })
            }
        }
    }

    private static func compare() -> Builtin {
        Builtin(Signature("compare", [required("models"), required("data"), optional("epochs", .number(10)),
                                      optional("seeds", .list([.number(0), .number(1), .number(2)])),
                                      optional("lr", .number(1e-3)), optional("batch", .number(64)), optional("optimizer", .string("adam")),
                                      optional("clip", .number(1)), optional("patience", .none), optional("progress", .boolean(true))]),
                topic: .training,
                summary: "Trains a fresh copy of each model {name: model} for each seed and tabulates the test metrics as mean ± std, with a chart.") { arguments, evaluator in
            guard case .record(let record) = arguments.value("models") else {
                throw arguments.mismatch("models", expected: "a record {name: model, ...}")
            }
            let models = try record.fields.map { field -> (name: String, network: Network) in
                switch field.value {
                case .model(.network(let network)): return (field.name, network)
                default: throw arguments.invalid("models", "'\(field.name)' is \(field.value.typeName), not a network")
                }
            }
            let seeds = try arguments.integers("seeds").map { seed -> UInt64 in
                guard seed >= 0 else { throw arguments.invalid("seeds", "seeds must be 0 or more, got \(seed)") }
                return UInt64(seed)
            }
            let data = try arguments.taskData()
            let options = try trainingOptions(arguments, seed: 0)
            let progress = ProgressDisplay(sink: evaluator.sink, title: "compare", enabled: try arguments.boolean("progress"))
            applyThreads(evaluator)
            let comparison = try arguments.engine {
                try Comparison.run(models: models, on: data, options: options, seeds: seeds, progress: { progress.show($0) },
                                   isCancelled: evaluator.cancellation)
            }
            progress.finish(comparison)
            return .model(.comparison(comparison))
        }
    }

    private static func energy() -> Builtin {
        Builtin(Signature("energy", [required("model"), required("data")]), topic: .training,
                summary: "Per layer: firing rates, synaptic operations (SOPs), MACs and estimated energy (0.9 pJ per accumulate, 4.6 pJ per MAC), measured on data.test.") { arguments, evaluator in
            let network = try arguments.network("model")
            let split = try arguments.split("data")
            try arguments.requireFits(network, split, argument: "data")
            let report = try arguments.engine { try EnergyMeter.measure(network, on: split, isCancelled: evaluator.cancellation) }
            return .table(EnergyView.table(of: report))
        }
    }
}
