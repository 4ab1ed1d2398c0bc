import Foundation
import XCTest

@testable import SpikeEngine

/// Per-arm summaries, Wilcoxon, the bootstrap, the noncentral t and power against SciPy and
/// NumPy (Golden/statistics.json, written by scripts/golden_stats.py).
final class StatisticsGoldenTests: XCTestCase {
    private struct Golden: Decodable {
        struct Summary: Decodable {
            let samples: [Double]
            let mean, std, low, high, median: Double
        }
        struct Wilcoxon: Decodable {
            let differences: [Double]
            let statistic, p: Double
        }
        struct Bootstrap: Decodable {
            let differences: [Double]
            let resamples: Int
            let seed: UInt64
            let low, high, p, scipyLow, scipyHigh: Double
        }
        struct NCT: Decodable {
            let t, df, nc, cdf: Double
        }
        struct Power: Decodable {
            let std, effect, alpha, target, achieved: Double
            let below: Double?
            let seeds, normal: Int
        }
        struct Normal: Decodable {
            let p, x: Double
        }
        let summaries: [Summary]
        let wilcoxon: [Wilcoxon]
        let bootstrap: [Bootstrap]
        let nct: [NCT]
        let power: [Power]
        let normal: [Normal]
    }

    private func golden() throws -> Golden {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/statistics.json")
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    private func close(_ actual: Double, _ expected: Double, _ relative: Double, _ message: String) {
        XCTAssertEqual(actual, expected, accuracy: relative * max(1e-300, abs(expected)) + 1e-300, message)
    }

    func testArmSummariesMatchSciPysTIntervalAndNumPysMedian() throws {
        for case let s in try golden().summaries {
            let summary = SampleSummary(s.samples)
            close(summary.mean, s.mean, 1e-14, "mean \(s.samples)")
            close(summary.std, s.std, 1e-13, "std \(s.samples)")
            close(summary.interval.low, s.low, 1e-11, "low \(s.samples)")
            close(summary.interval.high, s.high, 1e-11, "high \(s.samples)")
            XCTAssertEqual(summary.median, s.median, "median \(s.samples)")
            XCTAssertEqual(summary.count, s.samples.count)
        }
    }

    func testOneSampleHasNoIntervalAndANanSampleMakesTheSummaryNan() {
        let one = SampleSummary([0.7])
        XCTAssertTrue(one.interval.low.isNaN && one.interval.high.isNaN)
        XCTAssertEqual(one.median, 0.7)
        let collapsed = SampleSummary([0.7, .nan, 0.8])
        XCTAssertTrue(collapsed.mean.isNaN && collapsed.median.isNaN)
    }

    func testWilcoxonSignedRankPMatchesSciPyExactPermutationAndNormal() throws {
        var methods: Set<WilcoxonSignedRank.Method> = []
        for w in try golden().wilcoxon {
            let test = WilcoxonSignedRank(w.differences)
            close(test.p, w.p, 1e-12, "p of \(w.differences) (\(test.method))")
            let total = Double(test.count * (test.count + 1)) / 2
            XCTAssertEqual(min(test.positiveRankSum, total - test.positiveRankSum), w.statistic, "statistic of \(w.differences)")
            methods.insert(test.method)
        }
        XCTAssertEqual(methods, [.exact, .permutation, .normal])
    }

    func testBootstrapResamplesAreTheDocumentedStreamAndAgreeWithSciPysBootstrap() throws {
        for b in try golden().bootstrap {
            let boot = try PairedBootstrap(b.differences, resamples: b.resamples, seed: b.seed)
            close(boot.interval.low, b.low, 1e-14, "low")
            close(boot.interval.high, b.high, 1e-14, "high")
            XCTAssertEqual(boot.p, b.p, "p")
            // SciPy draws other resamples: its percentile interval agrees to a fraction of the width.
            let width = b.scipyHigh - b.scipyLow
            XCTAssertEqual(boot.interval.low, b.scipyLow, accuracy: 0.06 * width)
            XCTAssertEqual(boot.interval.high, b.scipyHigh, accuracy: 0.06 * width)
        }
    }

    func testTheSameSeedGivesTheSameBootstrapAndAnotherSeedAnother() throws {
        let d = [0.01, 0.03, -0.005, 0.02, 0.015]
        XCTAssertEqual(try PairedBootstrap(d, seed: 1), try PairedBootstrap(d, seed: 1))
        XCTAssertNotEqual(try PairedBootstrap(d, seed: 1).interval, try PairedBootstrap(d, seed: 2).interval)
        XCTAssertThrowsError(try PairedBootstrap(d, resamples: 10))
    }

    func testNoncentralTCDFMatchesSciPy() throws {
        // Below zero the CDF is 1 − F(|t|; −δ): far in that tail the error is absolute (~1e-16).
        for c in try golden().nct {
            let value = NoncentralT.cdf(c.t, freedom: c.df, noncentrality: c.nc)
            XCTAssertEqual(value, c.cdf, accuracy: 1e-9 * abs(c.cdf) + 1e-15, "nct.cdf(\(c.t), \(c.df), \(c.nc))")
        }
    }

    func testSeedsNeededIsTheFewestWithTheTargetPowerAsSciPysNoncentralTGives() throws {
        for p in try golden().power {
            let plan = try PowerAnalysis(std: p.std, effect: p.effect, power: p.target, alpha: p.alpha)
            XCTAssertEqual(plan.seeds, p.seeds, "seeds for σ \(p.std), d \(p.effect)")
            close(plan.achievedPower, p.achieved, 1e-9, "achieved power")
            if let below = p.below {
                close(PowerAnalysis.power(seeds: p.seeds - 1, std: p.std, effect: p.effect, alpha: p.alpha), below, 1e-9, "below")
            }
            XCTAssertEqual(plan.normalApproximation, p.normal, "normal approximation")
        }
    }

    func testNormalQuantilesMatchSciPy() throws {
        for n in try golden().normal {
            XCTAssertEqual(NormalDistribution.quantile(n.p), n.x, accuracy: 1e-12 * max(1, abs(n.x)), "\(n.p)")
        }
    }

    func testAHugeNoncentralityCostsAFewTermsAndGivesFullPower() throws {
        // δ = 0.1 · √2 / 1e-6 ≈ 141,000: λ = δ²/2 ≈ 1e10 would be ten billion terms without the window.
        let plan = try PowerAnalysis(std: 1e-6, effect: 0.1)
        XCTAssertEqual(plan.seeds, 2)
        XCTAssertEqual(plan.achievedPower, 1, accuracy: 1e-12)
        XCTAssertEqual(NoncentralT.cdf(2, freedom: 5, noncentrality: 1e5), 0, accuracy: 1e-15)
        XCTAssertEqual(NoncentralT.cdf(-2, freedom: 5, noncentrality: -1e5), 1, accuracy: 1e-15)
    }

    func testAnEffectOfZeroOrANegativeSpreadIsAnError() {
        XCTAssertThrowsError(try PowerAnalysis(std: 0.05, effect: 0))
        XCTAssertThrowsError(try PowerAnalysis(std: -1, effect: 0.1))
        XCTAssertThrowsError(try PowerAnalysis(std: 0.05, effect: 0.1, power: 1))
    }
}
