import XCTest

@testable import SpikeEngine

/// Paired differences and Student's t against SciPy (`scipy.stats.ttest_1samp` and
/// `stats.t.ppf`, printed by scripts/golden_paired.py).
final class PairedDifferenceTests: XCTestCase {
    /// (differences, mean, 95% CI low, high, t, two-sided p), as SciPy gives them.
    private let scipy: [([Double], Double, Double, Double, Double, Double)] = [
        (
            [0.01, 0.03, -0.005, 0.02], 0.013750000000000002, -0.010007588699932297, 0.0375075886999323, 1.8418803882136272,
            0.16273310982429354
        ),
        (
            [-0.04178272980501385, 0.06128133704735372, 0.07242339832869082], 0.0306406685236769, -0.12577911099776135, 0.18706044804511512,
            0.842835582994016, 0.4880489644351865
        ),
        (
            [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.5], 5.55, 3.322990813714745, 7.777009186285255, 5.637593383470617,
            0.00031859779098223755
        ),
        ([0.5, -0.25], 0.125, -4.63982677606551, 4.88982677606551, 0.3333333333333333, 0.7951672353008665),
        (
            [
                0.025, 0.03341470984807897, 0.03409297426825682, 0.026411200080598673, 0.01743197504692072, 0.015410757253368617,
                0.022205845018010744, 0.03156986598718789, 0.03489358246623382, 0.02912118485241757, 0.0195597888911063,
                0.015000097934492966, 0.01963427081999565, 0.02920167036826641, 0.034906073556948705, 0.03150287840157117,
                0.022120966833349347, 0.015386025081204433, 0.01749012753228324, 0.026498772096629524, 0.03412945250727628,
                0.03336655638536056, 0.024911486907095964, 0.016537795958248294, 0.015944216379933762, 0.02367648249902227,
                0.03262558450479603, 0.03456375928404503, 0.027709057883078692, 0.018363661157870324, 0.015119683759071382,
                0.020959623546769352, 0.030514266812416906, 0.034999118601072673, 0.03029082686120024, 0.02071817330503849,
                0.015082211465568844, 0.018564618666430006, 0.027963685787093854, 0.03463795386284088, 0.03245113160479349,
                0.02341377331195291, 0.015834784520843664, 0.01668225257371402, 0.025177019251054138, 0.033509035245341184,
                0.0340178834764881, 0.026235731227452243
            ], 0.02539276236839148, 0.023340719995897104, 0.027444804740885856, 24.894051651531257, 1.0244912052591437e-28
        )
    ]

    func testMeanIntervalTAndPMatchSciPy() throws {
        for (differences, mean, low, high, t, p) in scipy {
            let paired = try PairedDifference(differences)
            XCTAssertEqual(paired.mean, mean, accuracy: 1e-15 * max(1, abs(mean)))
            XCTAssertEqual(paired.interval.low, low, accuracy: 1e-10 * max(1, abs(low)))
            XCTAssertEqual(paired.interval.high, high, accuracy: 1e-10 * max(1, abs(high)))
            XCTAssertEqual(paired.t, t, accuracy: 1e-12 * max(1, abs(t)))
            XCTAssertEqual(paired.p, p, accuracy: 1e-10 * max(p, 1e-300))
        }
    }

    func testStudentTQuantilesMatchSciPy() {
        let quantiles: [(Double, Double)] = [
            (1, 12.706204736174694),
            (2, 4.302652729749462),
            (5, 2.5705818356363146),
            (47, 2.0117405137297655),
            (1000, 1.9623390808264083)
        ]
        for (freedom, expected) in quantiles {
            XCTAssertEqual(StudentT.quantile(0.975, freedom: freedom), expected, accuracy: 1e-10 * expected, "\(freedom)")
        }
    }

    func testFewerThanTwoSeedsOrANonFiniteDifferenceIsAnError() {
        XCTAssertThrowsError(try PairedDifference([0.1]))
        XCTAssertThrowsError(try PairedDifference([0.1, .nan]))
    }

    func testIdenticalDifferencesHaveAZeroWidthInterval() throws {
        let paired = try PairedDifference([0.5, 0.5, 0.5])
        XCTAssertEqual(paired.interval.low, 0.5)
        XCTAssertEqual(paired.interval.high, 0.5)
        XCTAssertEqual(paired.p, 0)
    }
}
