import SpikeEngine

/// `paired`: the paired difference of two arms of a comparison over the seeds both finished,
/// with Student's t (docs/science.md §5).
enum StatisticsLibrary {
    static func builtins() -> [Builtin] {
        [paired()]
    }

    private static func paired() -> Builtin {
        Builtin(
            "paired", topic: .training,
            summary:
                "Paired differences a − b of a comparison's metric over the seeds both arms finished: mean, 95% confidence interval (Student's t) and the paired t-test's p."
        ) { p in
            let comparison = p.declare("comparison", .any, doc: "what compare or sweep_results returned")
            let first = p.declare("a", .string, doc: "an arm (a model's name in the comparison)")
            let second = p.declare("b", .string, doc: "the arm it is compared with")
            let metric = p.declare("metric", .orNone(.string), doc: "the metric; none: the comparison's first (r2 or accuracy)")
            return { arguments, _ in
                guard case .model(.comparison(let table)) = try arguments[comparison] else {
                    throw arguments.mismatch(comparison, expected: "a comparison (what compare or sweep_results returns)")
                }
                let names = table.rows.map(\.name)
                func row(_ param: Param<String>) throws -> Comparison.Row {
                    let name = try arguments[param]
                    guard let row = table.rows.first(where: { $0.name == name }) else {
                        throw arguments.invalid(
                            param, "\(ValueText.quoted(name)) is not an arm of the comparison (its arms: \(names.joined(separator: ", ")))")
                    }
                    return row
                }
                let a = try row(first)
                let b = try row(second)
                let given = try arguments[metric]
                guard let name = given ?? table.metricNames.first, table.metricNames.contains(name) else {
                    throw arguments.invalid(
                        metric,
                        "\(ValueText.quoted(given ?? "")) is not a metric of the comparison (its metrics: \(table.metricNames.joined(separator: ", ")))"
                    )
                }
                let valuesA = Dictionary(zip(a.seeds, a.metrics[name]?.samples ?? []), uniquingKeysWith: { first, _ in first })
                let valuesB = Dictionary(zip(b.seeds, b.metrics[name]?.samples ?? []), uniquingKeysWith: { first, _ in first })
                let seeds = a.seeds.filter { valuesB[$0] != nil }
                let differences = seeds.compactMap { seed in valuesA[seed].flatMap { x in valuesB[seed].map { x - $0 } } }
                let difference: PairedDifference
                do {
                    difference = try PairedDifference(differences)
                } catch EngineError.value(_, let message) {
                    throw arguments.invalid(comparison, message)
                }
                return .record(
                    Record([
                        Record.Field(name: "a", value: .string(a.name)), Record.Field(name: "b", value: .string(b.name)),
                        Record.Field(name: "metric", value: .string(name)),
                        Record.Field(name: "seeds", value: .list(seeds.map { .number(Double($0)) })),
                        Record.Field(name: "differences", value: .list(difference.differences.map(Value.number))),
                        Record.Field(name: "mean_difference", value: .number(difference.mean)),
                        Record.Field(
                            name: "ci95", value: .list([.number(difference.interval.low), .number(difference.interval.high)])),
                        Record.Field(name: "t", value: .number(difference.t)),
                        Record.Field(name: "p", value: .number(difference.p))
                    ]))
            }
        }
    }
}
