import SpikeEngine
import SpikePlot

/// `forest`: a forest plot of paired differences — given as `paired` results, or as
/// comparisons whose arms are each paired with a baseline — grouped by setting when given as a
/// record {setting: …} (docs/science.md §7).
///
///     forest(paired(c, "cpg", "sinusoidal"), paired(c, "cpg", "none"))
///     forest({traffic: c1, solar: c2}, baseline="sinusoidal")   // per setting, each arm − sinusoidal
///     forest({traffic: c1, solar: c2}, arm="cpg")                // per setting, cpg − each other arm
enum ForestLibrary {
    static func forest() -> Builtin {
        Builtin(
            "forest", topic: .output,
            summary:
                "A forest plot of paired differences: one row per difference with its mean, 95% interval and n, a zero line, rows grouped by setting."
        ) { p in
            let items = p.rest(
                "items",
                doc:
                    "paired(...) results, comparisons (each arm − baseline), lists of these, or a record {setting: item} that groups its rows under the setting"
            )
            let baseline = p.declare(
                "baseline", .orNone(.string),
                doc: "for a comparison: the arm each other arm is paired with (none: its first arm, or every other arm when arm is given)")
            let arm = p.declare(
                "arm", .orNone(.string), doc: "for a comparison: pair only this arm (arm − baseline, or arm − each other arm)")
            let metric = p.declare("metric", .orNone(.string), doc: "for a comparison: the metric (none: its first)")
            let method = p.declare(
                "method", .choice(PairedMethod.self), default: .t, doc: "for a comparison: \"t\" or \"bootstrap\" intervals, as in paired")
            let title = p.declare("title", .string, default: "", doc: "the figure's title")
            let xlabel = p.declare("xlabel", .orNone(.string), doc: "the axis label; none: \"difference in METRIC (95% CI)\"")
            return { arguments, _ in
                let given = try arguments[items]
                guard !given.isEmpty else {
                    throw arguments.invalid(items, "give at least one paired result or comparison")
                }
                var reader = RowReader(
                    arguments: arguments, items: items, arm: try arguments[arm], baseline: try arguments[baseline],
                    metric: try arguments[metric], method: try arguments[method], armParam: arm, baselineParam: baseline,
                    metricParam: metric)
                for value in given { try reader.read(value, group: "") }
                let metrics = Set(reader.metrics)
                let interval = reader.methods == [.bootstrap] ? "95% bootstrap CI" : "95% CI"
                let subject = metrics.count == 1 ? metrics.first.map { "difference in \($0)" } ?? "difference" : "difference"
                let label = try arguments[xlabel] ?? "\(subject) (\(interval))"
                return .figure(.forest(ForestPlot(rows: reader.rows, title: try arguments[title], xLabel: label)))
            }
        }
    }

    /// Turns forest's arguments into plot rows, depth first.
    private struct RowReader {
        let arguments: Arguments
        let items: Param<[Value]>
        let arm: String?
        let baseline: String?
        let metric: String?
        let method: PairedMethod
        let armParam: Param<String?>
        let baselineParam: Param<String?>
        let metricParam: Param<String?>
        var rows: [ForestPlot.Row] = []
        var metrics: [String] = []
        var methods: Set<PairedMethod> = []

        mutating func read(_ value: Value, group: String) throws {
            switch value {
            case .record(let record) where record["mean_difference"] != nil:
                try readPaired(record, group: group)
            case .record(let record):
                for field in record.fields {
                    try read(field.value, group: group.isEmpty ? field.name : group + ", " + field.name)
                }
            case .list(let list):
                for item in list.items { try read(item, group: group) }
            case .model(.comparison(let comparison)):
                try readComparison(comparison, group: group)
            default:
                throw arguments.site(items).mismatch(value, expected: "paired results, comparisons, lists or records of them")
            }
        }

        /// A row from what `paired` returned.
        private mutating func readPaired(_ record: Record, group: String) throws {
            guard case .string(let a)? = record["a"], case .string(let b)? = record["b"],
                case .number(let mean)? = record["mean_difference"], case .list(let interval)? = record["ci95"],
                interval.items.count == 2, case .number(let low) = interval.items[0], case .number(let high) = interval.items[1]
            else {
                throw arguments.invalid(items, "a record with mean_difference must be what paired returned (a, b, mean_difference, ci95)")
            }
            var count: Int?
            if case .list(let differences)? = record["differences"] { count = differences.items.count }
            if case .string(let name)? = record["metric"] { metrics.append(name) }
            var chosen = PairedMethod.t
            if case .string(let name)? = record["method"], let given = PairedMethod(rawValue: name) { chosen = given }
            methods.insert(chosen)
            rows.append(ForestPlot.Row(Self.label(a, b, chosen), estimate: mean, low: low, high: high, count: count, group: group))
        }

        /// "cpg − none", marked "(bootstrap)" for a bootstrap interval.
        private static func label(_ a: String, _ b: String, _ method: PairedMethod) -> String {
            "\(a) − \(b)" + (method == .bootstrap ? " (bootstrap)" : "")
        }

        /// The pairs of a comparison: each arm − the baseline (none: the first arm); with `arm`,
        /// that arm − the baseline, or that arm − each other arm without one.
        private mutating func readComparison(_ comparison: Comparison, group: String) throws {
            let names = comparison.rows.map(\.name)
            func row(_ name: String, _ param: Param<String?>) throws -> Comparison.Row {
                guard let row = comparison.row(named: name) else {
                    throw arguments.invalid(
                        param, "\(ValueText.quoted(name)) is not an arm of the comparison (its arms: \(names.joined(separator: ", ")))")
                }
                return row
            }
            guard let name = metric ?? comparison.metricNames.first, comparison.metricNames.contains(name) else {
                throw arguments.invalid(
                    metricParam,
                    "\(ValueText.quoted(metric ?? "")) is not a metric of the comparison (its metrics: \(comparison.metricNames.joined(separator: ", ")))"
                )
            }
            let pairs: [(Comparison.Row, Comparison.Row)]
            switch (arm, baseline) {
            case (let arm?, let baseline?): pairs = [(try row(arm, armParam), try row(baseline, baselineParam))]
            case (let arm?, nil):
                let first = try row(arm, armParam)
                pairs = comparison.rows.filter { $0.name != arm }.map { (first, $0) }
            case (nil, let baseline):
                let reference = try row(baseline ?? names.first ?? "", baselineParam)
                pairs = comparison.rows.filter { $0.name != reference.name }.map { ($0, reference) }
            }
            for (a, b) in pairs {
                let paired: PairedResult
                do {
                    paired = try PairedResult(comparison, a: a, b: b, metric: name, method: method)
                } catch EngineError.value(_, let message) {
                    throw arguments.invalid(items, "\(a.name) − \(b.name): \(message)")
                }
                metrics.append(name)
                methods.insert(method)
                rows.append(
                    ForestPlot.Row(
                        Self.label(a.name, b.name, method), estimate: paired.mean, low: paired.interval.low, high: paired.interval.high,
                        count: paired.count, group: group))
            }
        }
    }
}
