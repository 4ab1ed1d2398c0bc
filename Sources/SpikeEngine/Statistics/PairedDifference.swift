import Foundation

/// Paired differences of two arms over the same seeds, with Student's t: the mean difference,
/// its 95% confidence interval and the two-sided p-value of a paired t-test (docs/science.md §5).
///
///     let d = try PairedDifference([0.01, 0.03, -0.005, 0.02])
///     d.mean, d.interval, d.p      // 0.01375, (-0.0100, 0.0375), 0.163 — as scipy.stats.ttest_1samp
public struct PairedDifference: Equatable, Sendable {
    /// a − b, seed by seed.
    public let differences: [Double]
    public let mean: Double
    /// The sample standard deviation of the differences (n − 1).
    public let std: Double
    /// The t statistic mean / (std / √n), with n − 1 degrees of freedom.
    public let t: Double
    /// The two-sided p-value of the paired t-test (mean difference 0).
    public let p: Double
    /// The 95% confidence interval of the mean difference.
    public let interval: (low: Double, high: Double)

    public static func == (a: PairedDifference, b: PairedDifference) -> Bool {
        a.differences == b.differences
    }

    /// Throws `.value(argument: .seeds)` with fewer than two differences or a non-finite one.
    public init(_ differences: [Double]) throws {
        guard differences.count >= 2 else {
            throw EngineError.value(
                argument: .seeds, message: "a paired test needs at least two seeds both arms finished, got \(differences.count)")
        }
        guard differences.allSatisfy(\.isFinite) else {
            throw EngineError.value(argument: .seeds, message: "the differences include nan or an infinity")
        }
        self.differences = differences
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let std = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        self.mean = mean
        self.std = std
        let error = std / n.squareRoot()
        let freedom = n - 1
        let quantile = StudentT.quantile(0.975, freedom: freedom)
        interval = (mean - quantile * error, mean + quantile * error)
        if error == 0 {
            t = mean == 0 ? .nan : (mean > 0 ? .infinity : -.infinity)
            p = mean == 0 ? .nan : 0
        } else {
            t = mean / error
            p = StudentT.twoSidedTail(Swift.abs(t), freedom: freedom)
        }
    }
}

/// Student's t distribution through the regularized incomplete beta function.
enum StudentT {
    /// P(|T| ≥ t) for T with `freedom` degrees of freedom: I_x(ν/2, 1/2) with x = ν/(ν + t²).
    static func twoSidedTail(_ t: Double, freedom: Double) -> Double {
        guard t.isFinite else { return 0 }
        return IncompleteBeta.regularized(freedom / (freedom + t * t), a: freedom / 2, b: 0.5)
    }

    /// The t with P(T ≤ t) = `probability` (> 0.5), by bisection on the tail to 1e-13.
    static func quantile(_ probability: Double, freedom: Double) -> Double {
        let tail = 2 * (1 - probability)
        var low = 0.0
        var high = 1.0
        while twoSidedTail(high, freedom: freedom) > tail { high *= 2 }
        for _ in 0..<200 where high - low > 1e-13 * Swift.max(1, high) {
            let middle = (low + high) / 2
            if twoSidedTail(middle, freedom: freedom) > tail { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (modified
/// Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
enum IncompleteBeta {
    static func regularized(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = Foundation.lgamma(a + b) - Foundation.lgamma(a) - Foundation.lgamma(b)
        let logPowers: Double = a * Foundation.log(x) + b * Foundation.log(1 - x)
        let front = Foundation.exp(logGammas + logPowers)
        if x < (a + 1) / (a + b + 2) {
            return front * fraction(x, a: a, b: b) / a
        }
        return 1 - front * fraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of I_x(a, b), to 1e-15 or 300 terms.
    private static func fraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if Swift.abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if Swift.abs(step - 1) < 1e-15 { break }
        }
        return result
    }
}
