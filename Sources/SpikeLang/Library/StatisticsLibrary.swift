import SpikeEngine

/// `paired` (the paired difference of two arms over the seeds both finished: Student's t or a
/// seeded bootstrap, and Wilcoxon's signed-rank p), `seeds_needed` (the power of a paired
/// t-test) and the `failure=` rule of compare and sweep_results (docs/science.md §7).
enum StatisticsLibrary {
    static func builtins() -> [Builtin] {
        [paired(), seedsNeeded(), ForestLibrary.forest()]
    }

    private static func paired() -> Builtin {
        Builtin(
            "paired", topic: .training,
            summary:
                "Paired differences a − b of a comparison's metric over the seeds both arms finished: mean, 95% confidence interval and p (Student's t, or a seeded bootstrap), and the Wilcoxon signed-rank p."
        ) { p in
            let comparison = p.declare("comparison", .any, doc: "what compare or sweep_results returned")
            let first = p.declare("a", .string, doc: "an arm (a model's name in the comparison)")
            let second = p.declare("b", .string, doc: "the arm it is compared with")
            let metric = p.declare("metric", .orNone(.string), doc: "the metric; none: the comparison's first (r2 or accuracy)")
            let method = p.declare(
                "method", .choice(PairedMethod.self), default: .t,
                doc: "\"t\": Student's t interval and paired t-test; \"bootstrap\": percentile bootstrap interval and p")
            let resamples = p.declare("resamples", .size, default: 10_000, doc: "bootstrap resamples (100 to 1,000,000)")
            let seed = p.declare("seed", .nonNegative, default: 0, doc: "the bootstrap's seed (the same seed, the same numbers)")
            return { arguments, _ in
                let table = try comparisonArgument(arguments, comparison)
                let chosen = try arguments[method]
                let count = try arguments[resamples]
                let a = try arm(arguments, first, of: table)
                let b = try arm(arguments, second, of: table)
                let name = try metricName(arguments, metric, of: table)
                do {
                    return try PairedResult(
                        table, a: a, b: b, metric: name, method: chosen, resamples: count, seed: UInt64(try arguments[seed])
                    ).value
                } catch EngineError.value(_, let message) {
                    if chosen == .bootstrap && !(100...PairedBootstrap.maximumResamples).contains(count) {
                        throw arguments.invalid(resamples, message)
                    }
                    throw arguments.invalid(comparison, message)
                }
            }
        }
    }

    /// The row of the arm an argument names, or an error listing the arms.
    static func arm(_ arguments: Arguments, _ param: Param<String>, of table: Comparison) throws -> Comparison.Row {
        let name = try arguments[param]
        guard let row = table.row(named: name) else {
            throw arguments.invalid(
                param,
                "\(ValueText.quoted(name)) is not an arm of the comparison (its arms: \(table.rows.map(\.name).joined(separator: ", ")))")
        }
        return row
    }

    /// The metric an argument names (none: the comparison's first), or an error listing them.
    static func metricName(_ arguments: Arguments, _ param: Param<String?>, of table: Comparison) throws -> String {
        let given = try arguments[param]
        guard let name = given ?? table.metricNames.first, table.metricNames.contains(name) else {
            throw arguments.invalid(
                param,
                "\(ValueText.quoted(given ?? "")) is not a metric of the comparison (its metrics: \(table.metricNames.joined(separator: ", ")))"
            )
        }
        return name
    }

    private static func seedsNeeded() -> Builtin {
        Builtin(
            "seeds_needed", topic: .training,
            summary:
                "How many seeds a paired comparison needs to detect a mean difference `effect` with the given power (two-sided paired t-test, exact through the noncentral t), from a pilot's per-seed differences."
        ) { p in
            let pilot = p.declare(
                "pilot", .any, doc: "what paired returned, or a list of per-seed differences (their standard deviation is used)")
            let effect = p.declare(
                "effect", .orNone(.number), default: nil, doc: "the true mean difference to detect; none: the pilot's mean difference")
            let power = p.declare("power", .number, default: 0.8, doc: "the chance of a significant result when the effect is real")
            let alpha = p.declare("alpha", .number, default: 0.05, doc: "the test's two-sided significance level")
            return { arguments, _ in
                let differences = try pilotDifferences(arguments, pilot)
                guard differences.count >= 2, differences.allSatisfy(\.isFinite) else {
                    throw arguments.invalid(pilot, "needs at least two finite per-seed differences, got \(differences.count)")
                }
                for param in [power, alpha] {
                    let value = try arguments[param]
                    guard value > 0, value < 1 else {
                        throw arguments.invalid(param, "must lie strictly between 0 and 1, got \(ValueText.number(value))")
                    }
                }
                let summary = SampleSummary(differences)
                let target = try arguments[effect] ?? summary.mean
                let plan: PowerAnalysis
                do {
                    plan = try PowerAnalysis(std: summary.std, effect: target, power: try arguments[power], alpha: try arguments[alpha])
                } catch EngineError.value(_, let message) {
                    if try arguments[effect] == nil { throw arguments.invalid(pilot, message) }
                    throw arguments.invalid(effect, message)
                }
                return .record(
                    Record([
                        Record.Field(name: "seeds", value: .number(Double(plan.seeds))),
                        Record.Field(name: "power", value: .number(plan.achievedPower)),
                        Record.Field(name: "normal_approximation", value: .number(Double(plan.normalApproximation))),
                        Record.Field(name: "effect", value: .number(plan.effect)),
                        Record.Field(name: "std", value: .number(plan.std)),
                        Record.Field(name: "pilot_seeds", value: .number(Double(differences.count))),
                        Record.Field(name: "alpha", value: .number(plan.alpha)),
                        Record.Field(name: "target_power", value: .number(plan.targetPower))
                    ]))
            }
        }
    }

    /// The per-seed differences of a paired record's `differences` or of a list of numbers.
    private static func pilotDifferences(_ arguments: Arguments, _ pilot: Param<Value>) throws -> [Double] {
        var value = try arguments[pilot]
        if case .record(let record) = value, let differences = record["differences"] { value = differences }
        guard case .list(let items) = value else {
            throw arguments.mismatch(pilot, expected: "what paired returned or a list of per-seed differences")
        }
        return try items.map { item in
            guard case .number(let number) = item else {
                throw arguments.mismatch(pilot, expected: "what paired returned or a list of per-seed differences")
            }
            return number
        }
    }

    /// The comparison an argument holds, or a type error naming what was expected.
    static func comparisonArgument(_ arguments: Arguments, _ param: Param<Value>) throws -> Comparison {
        guard case .model(.comparison(let table)) = try arguments[param] else {
            throw arguments.mismatch(param, expected: "a comparison (what compare or sweep_results returns)")
        }
        return table
    }

    /// Declares `failure=` of compare and sweep_results.
    static func failureParameter(_ p: Declarations) -> Param<Value> {
        p.declare(
            "failure", .any, default: Value.none,
            doc:
                "when a run counts as failed: none for the default (r2 < 0.3; accuracy ≤ 1/classes + 0.05), a threshold on the first metric, {metric, below | at_most | above}, or false for no rule"
        )
    }

    /// The failure rule `failure=` asks for, given the comparison's metrics and default rule.
    static func failureRule(_ arguments: Arguments, _ param: Param<Value>, for comparison: Comparison) throws -> FailureRule? {
        let metrics = comparison.metricNames
        switch try arguments[param] {
        case .none: return comparison.failure
        case .boolean(false): return nil
        case .number(let threshold):
            guard let metric = metrics.first else { return nil }
            return FailureRule(metric: metric, threshold: threshold)
        case .record(let record):
            var metric = metrics.first ?? ""
            if let given = record["metric"] {
                guard case .string(let name) = given else { throw arguments.invalid(param, "its 'metric' must be a string") }
                metric = name
            }
            guard metrics.contains(metric) else {
                throw arguments.invalid(
                    param, "\(ValueText.quoted(metric)) is not a metric of the comparison (its metrics: \(metrics.joined(separator: ", ")))"
                )
            }
            let tests = ["below", "at_most", "above"].compactMap { key in record[key].map { (key, $0) } }
            guard tests.count == 1, case .number(let threshold) = tests[0].1, let extra = Optional(record.names),
                extra.allSatisfy({ ["metric", "below", "at_most", "above"].contains($0) })
            else {
                throw arguments.invalid(param, "give {metric: name, below: x}, {metric: name, at_most: x} or {metric: name, above: x}")
            }
            switch tests[0].0 {
            case "below": return FailureRule(metric: metric, test: .below(threshold))
            case "at_most": return FailureRule(metric: metric, test: .atMost(threshold))
            default: return FailureRule(metric: metric, test: .above(threshold))
            }
        default:
            throw arguments.mismatch(param, expected: "none, a number, a record {metric, below | at_most | above} or false")
        }
    }
}
