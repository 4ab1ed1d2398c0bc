import Foundation

/// How many seeds a paired comparison needs: the power of the two-sided paired t-test, exact
/// through the noncentral t distribution, and the smallest seed count that reaches a target
/// power (docs/science.md §7).
///
///     let plan = try PowerAnalysis(std: 0.043, effect: 0.025)      // 80% power, α = 0.05
///     plan.seeds                 // 26: the fewest seeds whose power is ≥ 0.8
///     plan.normalApproximation   // 24: ⌈((z₀.₉₇₅ + z₀.₈) σ / d)²⌉, which undercounts
///
/// With n seeds the test has ν = n − 1 degrees of freedom, noncentrality δ = d √n / σ and
/// critical value c = t₁₋α/₂(ν); its power is P(T′ > c) + P(T′ < −c) for T′ ~ t(ν, δ),
/// as `scipy.stats.nct.sf(c, ν, δ) + nct.cdf(−c, ν, δ)`. σ is the standard deviation of the
/// per-seed differences (a pilot's), d the true mean difference one wants to detect.
public struct PowerAnalysis: Equatable, Sendable {
    public let std: Double
    public let effect: Double
    public let alpha: Double
    /// The power asked for.
    public let targetPower: Double
    /// The fewest seeds (≥ 2) with power ≥ `targetPower`.
    public let seeds: Int
    /// The power `seeds` seeds reach.
    public let achievedPower: Double
    /// The normal approximation's seed count (at least 2).
    public let normalApproximation: Int

    /// The largest seed count searched.
    public static let maximumSeeds = 1_000_000

    /// Throws `.value(argument: .seeds)` when σ is negative or not finite, d is 0 or not finite,
    /// α or the power is outside (0, 1), or more than `maximumSeeds` seeds would be needed.
    public init(std: Double, effect: Double, power: Double = 0.8, alpha: Double = 0.05) throws {
        guard std.isFinite, std >= 0 else {
            throw EngineError.value(argument: .seeds, message: "the differences must have a finite standard deviation")
        }
        guard effect.isFinite, effect != 0 else {
            throw EngineError.value(argument: .seeds, message: "the effect to detect must be a finite nonzero difference")
        }
        guard alpha > 0, alpha < 1, power > 0, power < 1 else {
            throw EngineError.value(argument: .seeds, message: "alpha and power must lie strictly between 0 and 1")
        }
        self.std = std
        self.effect = effect
        self.alpha = alpha
        targetPower = power
        let z = NormalDistribution.quantile(1 - alpha / 2) + NormalDistribution.quantile(power)
        let approximate = (z * std / Swift.abs(effect)) * (z * std / Swift.abs(effect))
        normalApproximation = Swift.max(2, Int(approximate.rounded(.up)))
        let powerOf = { (n: Int) in Self.power(seeds: n, std: std, effect: effect, alpha: alpha) }
        // Power grows with n: double until it is reached, then bisect.
        var high = 2
        while powerOf(high) < power {
            guard high < Self.maximumSeeds else {
                throw EngineError.value(
                    argument: .seeds, message: "more than \(Self.maximumSeeds) seeds would be needed for that effect")
            }
            high = Swift.min(Self.maximumSeeds, high * 2)
        }
        var low = Swift.max(1, high / 2)
        while high - low > 1 {
            let middle = (low + high) / 2
            if powerOf(middle) >= power { high = middle } else { low = middle }
        }
        seeds = high
        achievedPower = powerOf(high)
    }

    /// The power of the two-sided paired t-test at level `alpha` with `seeds` seeds (≥ 2).
    public static func power(seeds: Int, std: Double, effect: Double, alpha: Double = 0.05) -> Double {
        let freedom = Double(seeds - 1)
        guard std > 0 else { return 1 }
        let delta = effect * Double(seeds).squareRoot() / std
        let critical = StudentT.quantile(1 - alpha / 2, freedom: freedom)
        return 1 - NoncentralT.cdf(critical, freedom: freedom, noncentrality: delta)
            + NoncentralT.cdf(-critical, freedom: freedom, noncentrality: delta)
    }
}
