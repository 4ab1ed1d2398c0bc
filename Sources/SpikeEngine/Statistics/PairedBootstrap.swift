import Foundation

/// A seeded percentile bootstrap of the mean of paired differences (docs/science.md §7).
///
///     let b = try PairedBootstrap([0.01, 0.03, -0.005, 0.02], resamples: 10_000, seed: 0)
///     b.interval   // the 2.5th and 97.5th percentiles of the 10,000 resampled means
///
/// Each resample draws n differences with replacement: index ⌊u · n⌋ with u the next
/// `SeededGenerator(seed:).nextUnit()` (SplitMix64), n indices per resample, resamples in order,
/// so the numbers can be recomputed anywhere (scripts/golden_stats.py does, in NumPy). The
/// interval is the 2.5th and 97.5th percentiles of the resampled means (linear interpolation
/// between order statistics, NumPy's default); the two-sided p is
/// min(1, 2 · (min(#{m* ≤ 0}, #{m* ≥ 0}) + 1) / (B + 1)). With few seeds (under about ten) the
/// percentile interval is too narrow; Student's t is the better default. Cost: O(B · n).
public struct PairedBootstrap: Equatable, Sendable {
    public let interval: Interval
    public let p: Double
    public let resamples: Int
    public let seed: UInt64

    /// The most resamples one bootstrap draws (8 MB of means).
    public static let maximumResamples = 1_000_000

    /// Throws `.value(argument: .seeds)` for fewer than two differences or a non-finite one,
    /// and for fewer than 100 or more than `maximumResamples` resamples.
    public init(_ differences: [Double], resamples: Int = 10_000, seed: UInt64 = 0) throws {
        _ = try PairedDifference(differences)
        guard resamples >= 100, resamples <= Self.maximumResamples else {
            throw EngineError.value(
                argument: .seeds, message: "a bootstrap takes 100 to \(Self.maximumResamples) resamples, got \(resamples)")
        }
        self.resamples = resamples
        self.seed = seed
        let means = Self.resampledMeans(differences, resamples: resamples, seed: seed).sorted()
        interval = Interval(low: Self.percentile(means, 2.5), high: Self.percentile(means, 97.5))
        let below = means.filter { $0 <= 0 }.count
        let above = means.filter { $0 >= 0 }.count
        p = Swift.min(1, 2 * Double(Swift.min(below, above) + 1) / Double(resamples + 1))
    }

    /// The mean of each resample, in the order drawn.
    static func resampledMeans(_ values: [Double], resamples: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        let n = values.count
        return (0..<resamples).map { _ in
            var sum = 0.0
            for _ in 0..<n { sum += values[Swift.min(n - 1, Int(generator.nextUnit() * Double(n)))] }
            return sum / Double(n)
        }
    }

    /// The `percent`th percentile of ascending `sorted` values, interpolating linearly between
    /// the order statistics at rank (n − 1) · percent / 100 (NumPy's default "linear").
    static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
        let position = Double(sorted.count - 1) * percent / 100
        let below = Int(position.rounded(.down))
        let above = Swift.min(sorted.count - 1, below + 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }
}
