import Foundation

/// What one arm's per-seed results say: their count, mean, sample standard deviation, the 95%
/// confidence interval of the mean from Student's t, and the median (docs/science.md §7).
///
///     let s = SampleSummary([0.71, 0.74, 0.69, 0.73])
///     s.mean, s.interval, s.median   // 0.7175, (0.6818, 0.7532), 0.72 — as scipy.stats.t.interval
///
/// The interval is mean ± t₀.₉₇₅(n − 1) · std / √n; one sample has no interval (nan, nan).
/// Non-finite samples (a collapsed run's nan) make the mean, interval and median nan: they are
/// counted, not hidden. Cost: O(n log n) for the median.
public struct SampleSummary: Equatable, Sendable {
    public let count: Int
    public let mean: Double
    /// √(Σ(x − x̄)² / (n − 1)); 0 for one sample.
    public let std: Double
    /// The 95% confidence interval of the mean; (nan, nan) for fewer than two samples.
    public let interval: Interval
    /// The middle sample, or the mean of the two middle ones (NumPy's `median`).
    public let median: Double

    public init(_ samples: [Double]) {
        count = samples.count
        let moments = MeanStd(samples)
        mean = moments.mean
        std = moments.std
        if samples.count >= 2 {
            let half = StudentT.quantile(0.975, freedom: Double(samples.count - 1)) * std / Double(samples.count).squareRoot()
            interval = Interval(low: mean - half, high: mean + half)
        } else {
            interval = Interval(low: .nan, high: .nan)
        }
        median = Self.median(samples)
    }

    /// The median of `samples` (nan when empty or when one is nan).
    static func median(_ samples: [Double]) -> Double {
        guard !samples.isEmpty, !samples.contains(where: \.isNaN) else { return .nan }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// A closed interval [low, high] of real numbers, such as a confidence interval.
public struct Interval: Equatable, Sendable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether `value` lies in the interval (false when either end is nan).
    public func contains(_ value: Double) -> Bool {
        low <= value && value <= high
    }
}
