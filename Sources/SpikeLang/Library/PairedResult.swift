import SpikeEngine

/// One paired comparison of two arms as `paired` returns it and `forest` draws it: the
/// per-seed differences, their mean, the 95% interval and p of the chosen method, and the
/// Wilcoxon signed-rank p (docs/science.md §7).
struct PairedResult {
    let a: String
    let b: String
    let metric: String
    let seeds: [UInt64]
    let method: PairedMethod
    let t: PairedDifference
    let bootstrap: PairedBootstrap?
    let wilcoxon: WilcoxonSignedRank

    /// The interval of the chosen method.
    var interval: Interval { bootstrap?.interval ?? Interval(low: t.interval.low, high: t.interval.high) }
    var p: Double { bootstrap?.p ?? t.p }
    var mean: Double { t.mean }
    var count: Int { t.differences.count }

    /// Pairs arms `a` and `b` of `comparison` on `metric`; throws `EngineError.value` with
    /// fewer than two common seeds or a non-finite difference, or a bad bootstrap size.
    init(
        _ comparison: Comparison, a: Comparison.Row, b: Comparison.Row, metric: String, method: PairedMethod, resamples: Int = 10_000,
        seed: UInt64 = 0
    ) throws {
        let paired = Comparison.differences(a, b, metric: metric)
        self.a = a.name
        self.b = b.name
        self.metric = metric
        seeds = paired.seeds
        self.method = method
        t = try PairedDifference(paired.differences)
        bootstrap = method == .bootstrap ? try PairedBootstrap(paired.differences, resamples: resamples, seed: seed) : nil
        wilcoxon = WilcoxonSignedRank(paired.differences)
    }

    /// The record `paired` returns.
    var value: Value {
        var fields: [(String, Value)] = [
            ("a", .string(a)), ("b", .string(b)), ("metric", .string(metric)), ("method", .string(method.rawValue)),
            ("seeds", .list(seeds.map { .number(Double($0)) })), ("differences", .list(t.differences.map(Value.number))),
            ("mean_difference", .number(mean)), ("ci95", .list([.number(interval.low), .number(interval.high)])),
            ("t", .number(t.t)), ("p", .number(p)), ("wilcoxon_p", .number(wilcoxon.p))
        ]
        if let bootstrap {
            fields += [("resamples", .number(Double(bootstrap.resamples))), ("seed", .number(Double(bootstrap.seed)))]
        }
        return .record(Record(fields.map { Record.Field(name: $0.0, value: $0.1) }))
    }
}
