import Foundation

/// The Wilcoxon signed-rank test of paired differences against a zero median, two-sided, as
/// `scipy.stats.wilcoxon(d)` computes it with its defaults (docs/science.md §7).
///
///     WilcoxonSignedRank([0.01, 0.03, -0.005, 0.02]).p   // 0.25 (exact: 2 · 2/16)
///
/// Zero differences are dropped (Wilcoxon's rule); the rest are ranked by |d| (ties get the
/// average rank) and W⁺ sums the ranks of the positive ones. The p-value is
/// 2 · min(P(W ≥ W⁺), P(W ≤ W⁺)), capped at 1, where W's null distribution is
/// - exact (every subset of ranks 1…m equally likely) for m ≤ 50 with no ties and no zeros;
/// - the exact sign-flip permutation distribution for n ≤ 13 with ties or zeros;
/// - else normal: z = (W⁺ − m(m+1)/4) / √((m(m+1)(2m+1) − Σ(t³ − t)/2) / 24), no continuity correction.
/// Cost: O(m³) for the exact distribution, O(2ⁿ · n) for the permutation one.
public struct WilcoxonSignedRank: Equatable, Sendable {
    /// W⁺: the sum of the ranks of the positive differences.
    public let positiveRankSum: Double
    /// The differences left after dropping zeros.
    public let count: Int
    /// The two-sided p-value; nan when every difference is zero (or there are none).
    public let p: Double
    /// How p was computed.
    public let method: Method

    /// The null distribution behind `p`.
    public enum Method: String, Equatable, Sendable {
        case exact, permutation, normal
    }

    public init(_ differences: [Double]) {
        let nonzero = differences.filter { $0 != 0 }
        count = nonzero.count
        let ranks = Self.averageRanks(nonzero.map(Swift.abs))
        positiveRankSum = zip(nonzero, ranks).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let hasTies = Set(nonzero.map(Swift.abs)).count < nonzero.count
        let hasZeros = nonzero.count < differences.count
        if nonzero.isEmpty {
            (p, method) = (.nan, .normal)
        } else if differences.count <= 50 && !hasTies && !hasZeros {
            (p, method) = (Self.exactP(positiveRankSum, count: count), .exact)
        } else if differences.count <= 13 {
            (p, method) = (Self.permutationP(positiveRankSum, ranks: ranks), .permutation)
        } else {
            (p, method) = (Self.normalP(positiveRankSum, ranks: ranks), .normal)
        }
    }

    /// 1-based ranks of `values`, ties sharing the average of the ranks they span.
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            for index in start...end { ranks[order[index]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// p from the exact distribution of W⁺ over the 2^m sign patterns of ranks 1…m.
    private static func exactP(_ statistic: Double, count: Int) -> Double {
        // ways[s]: how many subsets of {1, …, m} sum to s (Double: 2^50 is exact).
        let total = count * (count + 1) / 2
        var ways = [Double](repeating: 0, count: total + 1)
        ways[0] = 1
        for rank in 1...count {
            for sum in stride(from: total, through: rank, by: -1) { ways[sum] += ways[sum - rank] }
        }
        let all = Foundation.pow(2.0, Double(count))
        let upper = Int(statistic.rounded(.down))
        let lower = Int(statistic.rounded(.up))
        let atLeast = ways[Swift.max(0, upper)...].reduce(0, +) / all
        let atMost = ways[...Swift.min(total, lower)].reduce(0, +) / all
        return Swift.min(1, 2 * Swift.min(atLeast, atMost))
    }

    /// p from every sign flip of the (average) ranks: the permutation distribution of W⁺.
    private static func permutationP(_ statistic: Double, ranks: [Double]) -> Double {
        let tolerance = 1e-14 * Swift.max(1, Swift.abs(statistic))
        var atLeast = 0
        var atMost = 0
        let patterns = 1 << ranks.count
        for pattern in 0..<patterns {
            var sum = 0.0
            for (index, rank) in ranks.enumerated() where pattern & (1 << index) != 0 { sum += rank }
            if sum >= statistic - tolerance { atLeast += 1 }
            if sum <= statistic + tolerance { atMost += 1 }
        }
        return Swift.min(1, 2 * Double(Swift.min(atLeast, atMost)) / Double(patterns))
    }

    /// p from the normal approximation with the tie correction.
    private static func normalP(_ statistic: Double, ranks: [Double]) -> Double {
        let m = Double(ranks.count)
        var tieCounts: [Double: Double] = [:]
        for rank in ranks { tieCounts[rank, default: 0] += 1 }
        let ties = tieCounts.values.reduce(0) { $0 + $1 * $1 * $1 - $1 }
        let spread = ((m * (m + 1) * (2 * m + 1) - ties / 2) / 24).squareRoot()
        let z = (statistic - m * (m + 1) / 4) / spread
        return Swift.min(1, 2 * NormalDistribution.cdf(-Swift.abs(z)))
    }
}
