/// A series cut into sliding windows for forecasting, with a chronological train / valid /
/// test split and a normalization fitted on the training part only.
///
/// **Split** (`SplitRule`). By default the *time steps* are cut first: with T steps and
/// fractions (a, b, c) — Spike's default 0.7 / 0.1 / 0.2, which is no SeqSNN configuration —
/// train covers rows `0 ..< round(aT)`, valid the next `round((a+b)T) − round(aT)`, test the
/// rest. Windows are then made inside each part separately, so no window straddles a boundary:
/// a test input never contains a training target and vice versa. The price is `window +
/// horizon − 1` fewer windows per part than a single sliding pass would give. A reference
/// split (`SplitRule(reference:)`) reproduces SeqSNN's instead: its per-data-set fractions cut
/// on the windows of one sliding pass, so neighbouring parts overlap by `window + horizon − 1`
/// steps, as in the reference code.
///
/// **Normalization.** `zscore` / `minmax` statistics are computed on the training rows only
/// and applied to every part. The reference code computes them on the whole file, which
/// leaks test statistics into training; Spike does not. `inverse(_:)` maps predictions back
/// to original units.
///
///     let data = try ForecastingSet(series, window: 12, horizon: 6)
///     data.train.inputs.shape    // [N, 12, variates]
///     data.train.targets.shape   // [N, 6, variates]
public struct ForecastingSet: Equatable, Sendable {
    /// The name of the series the windows come from.
    public let name: String
    /// The variates' names.
    public let columns: [String]
    public let window: Int
    public let horizon: Int
    /// How the parts were cut.
    public let splitRule: SplitRule
    /// The map to the normalized scale, fitted on `train.rows`.
    public let normalizer: Normalizer
    public let train: ForecastingSplit
    public let valid: ForecastingSplit
    public let test: ForecastingSplit

    /// The split's fractions.
    public var fractions: SplitFractions { splitRule.fractions }

    /// Windows over `series` with `split` of its time steps (`SplitRule(split)`).
    public init(
        _ series: Series, window: Int, horizon: Int, split: SplitFractions = .standard,
        normalization: Normalization = .zScore, budget: MemoryBudget = .standard
    ) throws {
        try self.init(
            series, window: window, horizon: horizon, rule: SplitRule(split), normalization: normalization, budget: budget)
    }

    /// Windows of `window` input steps and `horizon` target steps over `series`.
    /// Cost: O(windows × (window + horizon) × variates) time and memory.
    ///
    /// Throws `EngineError.value` naming `window` or `horizon` (below 1, or together longer
    /// than the series) or `split` (a part too short to hold one window), and
    /// `EngineError.resource` when the windows would exceed `budget`.
    public init(
        _ series: Series, window: Int, horizon: Int, rule: SplitRule, normalization: Normalization = .zScore,
        budget: MemoryBudget = .standard
    ) throws {
        for (name, size) in [(EngineParameter.window, window), (.horizon, horizon)] where size < 1 {
            throw EngineError.value(argument: name, message: "must be at least 1, got \(size)")
        }
        let span = window + horizon
        guard span <= series.length else {
            throw EngineError.value(
                argument: window >= series.length ? .window : .horizon,
                message: "window + horizon = \(span) steps is longer than the series (\(series.length) steps)")
        }
        let parts = Array(zip(SplitPart.allCases, rule.rows(length: series.length, window: window, horizon: horizon)))
        var total = 0
        for (part, rows) in parts {
            guard rows.count >= span else {
                throw EngineError.value(
                    argument: .split,
                    message:
                        "the \(part.rawValue) part has \(rows.count) steps, fewer than window + horizon = \(span): it would hold no window")
            }
            let (size, overflow) = (rows.count - span + 1).multipliedReportingOverflow(by: span * series.variates)
            total = overflow ? Int.max : total.addingReportingOverflow(size).partialValue
        }
        try budget.check(scalars: total)

        let normalizer = Normalizer(
            kind: normalization, fittedOn: series.rows(parts[0].1), variates: series.variates)
        let scaled = normalizer.apply(series.values)
        var made: [ForecastingSplit] = []
        for (part, rows) in parts {
            made.append(
                try Self.windows(
                    of: scaled, variates: series.variates, part: part, rows: rows, window: window, horizon: horizon))
        }
        self.name = series.name
        self.columns = series.columns
        self.window = window
        self.horizon = horizon
        self.splitRule = rule
        self.normalizer = normalizer
        self.train = made[0]
        self.valid = made[1]
        self.test = made[2]
    }

    /// The part named `part`.
    public func split(_ part: SplitPart) -> ForecastingSplit {
        switch part {
        case .train: return train
        case .valid: return valid
        case .test: return test
        }
    }

    /// Predictions (or targets) on the normalized scale, last axis = variates, in original units.
    public func inverse(_ normalized: Tensor) throws -> Tensor {
        try normalizer.inverse(normalized)
    }

    /// Every window inside `rows` of the row-major `values`.
    private static func windows(
        of values: [Float], variates: Int, part: SplitPart, rows: Range<Int>, window: Int, horizon: Int
    ) throws -> ForecastingSplit {
        let count = rows.count - window - horizon + 1
        var inputs = [Float]()
        var targets = [Float]()
        inputs.reserveCapacity(count * window * variates)
        targets.reserveCapacity(count * horizon * variates)
        for start in rows.lowerBound..<(rows.lowerBound + count) {
            let split = (start + window) * variates
            inputs.append(contentsOf: values[(start * variates)..<split])
            targets.append(contentsOf: values[split..<(split + horizon * variates)])
        }
        return ForecastingSplit(
            part: part, rows: rows,
            inputs: try Tensor(shape: [count, window, variates], scalars: inputs),
            targets: try Tensor(shape: [count, horizon, variates], scalars: targets))
    }
}
