/// When a run counts as collapsed: a threshold on one metric, e.g. "r2 < 0.3" (docs/science.md §7).
///
///     let rule = FailureRule(metric: "r2", test: .below(0.3))
///     rule.fails(0.12), rule.fails(.nan), rule.fails(0.71)   // true, true, false
///     rule.description                                        // "r2 < 0.3"
///
/// A non-finite value (a run whose metric is nan) always fails. The defaults (`standard`):
/// R² < 0.3 for forecasting, accuracy ≤ 1/classes + 0.05 for classification (uniform chance
/// plus five points); none for other metrics.
public struct FailureRule: Equatable, Sendable {
    /// How the metric is compared with the threshold.
    public enum Test: Equatable, Sendable {
        /// value < threshold fails.
        case below(Double)
        /// value ≤ threshold fails.
        case atMost(Double)
        /// value > threshold fails.
        case above(Double)
    }

    public let metric: String
    public let test: Test

    public init(metric: String, test: Test) {
        self.metric = metric
        self.test = test
    }

    /// The rule a bare threshold means for `metric`: values below it fail, except for the
    /// error metrics (rse, mse, mae, loss), where values above it fail.
    public init(metric: String, threshold: Double) {
        self.metric = metric
        test = ["rse", "mse", "mae", "loss"].contains(metric) ? .above(threshold) : .below(threshold)
    }

    /// R² < 0.3 for `r2`; accuracy ≤ 1/classes + 0.05 when the class count is known; else nil.
    public static func standard(metric: String, classes: Int? = nil) -> FailureRule? {
        switch metric {
        case "r2": return FailureRule(metric: "r2", test: .below(0.3))
        case "accuracy":
            guard let classes, classes > 0 else { return nil }
            return FailureRule(metric: "accuracy", test: .atMost(1 / Double(classes) + 0.05))
        default: return nil
        }
    }

    /// Whether a run with this metric value failed.
    public func fails(_ value: Double) -> Bool {
        guard value.isFinite else { return true }
        switch test {
        case .below(let threshold): return value < threshold
        case .atMost(let threshold): return value <= threshold
        case .above(let threshold): return value > threshold
        }
    }

    /// How many of `values` fail.
    public func failures(_ values: [Double]) -> Int {
        values.filter(fails).count
    }
}

extension FailureRule: CustomStringConvertible {
    /// The rule as tables print it, e.g. "r2 < 0.3".
    public var description: String {
        switch test {
        case .below(let threshold): return "\(metric) < \(Self.text(threshold))"
        case .atMost(let threshold): return "\(metric) ≤ \(Self.text(threshold))"
        case .above(let threshold): return "\(metric) > \(Self.text(threshold))"
        }
    }

    /// A threshold to at most four significant digits, without float noise (0.15, not 0.15000000000000002).
    private static func text(_ value: Double) -> String {
        let short = Double(String(format: "%.4g", value)) ?? value
        return short.rounded() == short && abs(short) < 1e15 ? String(Int64(short)) : "\(short)"
    }
}
