import Foundation

/// The standard normal distribution: its CDF Φ through `erfc`, and its quantile.
enum NormalDistribution {
    /// Φ(x) = erfc(−x / √2) / 2, accurate in both tails.
    static func cdf(_ x: Double) -> Double {
        0.5 * Foundation.erfc(-x / 2.0.squareRoot())
    }

    /// The x with Φ(x) = `probability` (0 < p < 1), by bisection on Φ to 1e-14 (about 100 steps).
    static func quantile(_ probability: Double) -> Double {
        guard probability > 0 else { return -.infinity }
        guard probability < 1 else { return .infinity }
        var low = -40.0
        var high = 40.0
        for _ in 0..<200 where high - low > 1e-14 * Swift.max(1, Swift.abs(low + high) / 2) {
            let middle = (low + high) / 2
            if cdf(middle) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
