import SpikeEngine

/// The language's values for models and their training: a network (the one mutable kind),
/// a training run, the scores of an evaluation, and a comparison over seeds.
enum ModelValue {
    /// A layer, a model or a composition; shared by reference, changed in place by `train`.
    case network(Network)
    /// What `train` returns: losses per epoch and step, best epoch, time.
    case run(TrainingRun)
    /// What `evaluate` returns: r2, rse, mse, mae — or accuracy; `scale` names the scale
    /// forecasting metrics are on (`Normalization.scaleName`), nil for accuracy.
    case scores(Scores, scale: String?)
    /// What `compare` returns: mean ± std per model and metric.
    case comparison(Comparison)

    /// The kind as it reads in a message.
    var typeName: String {
        switch self {
        case .network(let network): return network.isLayer ? "a layer" : "a network"
        case .run: return "a training run"
        case .scores: return "scores"
        case .comparison: return "a comparison"
        }
    }

    /// Networks are equal when they are the same network, or both unbuilt with equal
    /// blueprints; scores by value; runs and comparisons are never equal.
    func isEqual(to other: ModelValue) -> Bool {
        switch (self, other) {
        case (.network(let a), .network(let b)):
            return a === b || (!a.isBuilt && !b.isBuilt && a.blueprint == b.blueprint)
        case (.scores(let a, let aScale), .scores(let b, let bScale)): return a == b && aScale == bScale
        default: return false
        }
    }

    /// The member names after `.`, in the order completion lists them.
    var memberNames: [String] {
        switch self {
        case .network: return ["parameters", "neurons", "layers", "built", "name"]
        case .run:
            return [
                "train_loss", "valid_loss", "valid_accuracy", "step_loss", "best_epoch", "epochs", "seconds", "stopped",
                "interrupted"
            ]
        case .scores(let scores, _): return scores.named.map(\.name)
        case .comparison(let comparison):
            return Self.comparisonMembers
                + comparison.rows.map(\.name).filter {
                    !Self.comparisonMembers.contains($0)
                }
        }
    }

    /// The member `name`, or nil when there is none.
    func member(_ name: String) -> Value? {
        switch self {
        case .network(let network):
            switch name {
            case "parameters": return .number(Double(network.parameterCount))
            case "neurons": return .number(Double(network.neuronCount))
            case "layers": return .list(network.stages.map { .string($0.name) })
            case "built": return .boolean(network.isBuilt)
            case "name": return .string(network.blueprint.name)
            default: return nil
            }
        case .run(let run):
            switch name {
            case "train_loss": return .list(run.epochs.map { .number($0.trainLoss) })
            case "valid_loss": return .list(run.epochs.map { .number($0.validLoss) })
            case "valid_accuracy":
                return RunView.hasAccuracy(run) ? .list(run.epochs.map { $0.validAccuracy.map(Value.number) ?? Value.none }) : Value.none
            case "step_loss": return .list(run.stepLosses.map { .number($0) })
            case "best_epoch": return run.bestEpoch.map { .number(Double($0)) } ?? Value.none
            case "epochs": return .number(Double(run.epochs.count))
            case "seconds": return .number(run.seconds)
            case "stopped": return .string(RunView.stopText(of: run))
            case "interrupted": return .boolean(run.stop == .interrupted)
            default: return nil
            }
        case .scores(let scores, _):
            return scores.named.first { $0.name == name }.map { .number($0.value) }
        case .comparison(let comparison):
            return Self.member(name, of: comparison)
        }
    }

    /// The members every comparison has; a model with one of these names is shadowed by it.
    static let comparisonMembers = ["runs", "seeds", "interrupted", "failure"]

    /// A comparison's member: `runs` (record model → its runs, in seed order), `seeds`,
    /// `interrupted`, `failure` (the rule as text, or none), or a model's row: per metric
    /// {mean, std, values (one per seed), ci95, median}, `failed` (runs failing the rule) and `runs`.
    private static func member(_ name: String, of comparison: Comparison) -> Value? {
        switch name {
        case "runs":
            return .record(Record(comparison.rows.map { Record.Field(name: $0.name, value: runs($0)) }))
        case "seeds": return .list(comparison.seeds.map { .number(Double($0)) })
        case "interrupted": return .boolean(comparison.interruption != nil)
        case "failure": return comparison.failure.map { .string($0.description) } ?? Value.none
        default: break
        }
        guard let row = comparison.rows.first(where: { $0.name == name }) else { return nil }
        let metrics = comparison.metricNames.compactMap { metric in
            row.metrics[metric].map {
                let summary = SampleSummary($0.samples)
                return Record.Field(
                    name: metric,
                    value: .record(
                        Record([
                            Record.Field(name: "mean", value: .number($0.mean)), Record.Field(name: "std", value: .number($0.std)),
                            Record.Field(name: "values", value: .list($0.samples.map { .number($0) })),
                            Record.Field(
                                name: "ci95", value: .list([.number(summary.interval.low), .number(summary.interval.high)])),
                            Record.Field(name: "median", value: .number(summary.median))
                        ])))
            }
        }
        let failed = comparison.failures(of: row).map { Value.number(Double($0)) } ?? .none
        return .record(
            Record(metrics + [Record.Field(name: "failed", value: failed), Record.Field(name: "runs", value: runs(row))]))
    }

    private static func runs(_ row: Comparison.Row) -> Value {
        .list(row.runs.map { .model(.run($0)) })
    }
}

extension Network {
    /// Whether the blueprint is a single layer (not a model or a composition).
    var isLayer: Bool {
        switch blueprint {
        case .model, .sequence: return false
        default: return true
        }
    }
}
