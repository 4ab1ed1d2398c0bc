import XCTest

@testable import SpikeEngine

/// The split boundaries of `ForecastingSet` against scripts/golden_splits.py: SeqSNN's own
/// `TSMSDataset` for its per-data-set splits (cut on windows), the documented time-step rule in
/// exact rationals for Spike's cut.
final class SplitRuleTests: XCTestCase {
    /// A one-variate series whose value at step t is t, so each window shows where it was cut.
    private func ramp(length: Int) throws -> Series {
        try Series(name: "ramp", columns: ["t"], values: (0..<length).map(Float.init))
    }

    func testEveryPartHoldsTheWindowsTheGoldenFileGives() throws {
        let blocks = try GoldenFile("splits.txt").blocks
        XCTAssertEqual(blocks.count, 56)
        for block in blocks {
            let name = block["case"]?.first ?? "?"
            let (steps, window, horizon) = (try block.ints("steps")[0], try block.ints("window")[0], try block.ints("horizon")[0])
            let fractions = try block.doubles("fractions")
            let rule: SplitRule
            if block["cut"]?.first == "windows" {
                rule = SplitRule(reference: try XCTUnwrap(ReferenceSplit(rawValue: block["reference"]?.first ?? ""), name))
                XCTAssertEqual(rule.cut, .windows, name)
            } else {
                rule = SplitRule(try SplitFractions(fractions))
                XCTAssertEqual(rule.cut, .timeSteps, name)
            }
            for (actual, expected) in zip([rule.fractions.train, rule.fractions.valid, rule.fractions.test], fractions) {
                XCTAssertEqual(actual, expected, accuracy: 1e-12, name)
            }
            let data = try ForecastingSet(try ramp(length: steps), window: window, horizon: horizon, rule: rule, normalization: .identity)
            for part in SplitPart.allCases {
                let expected = try block.ints(part.rawValue)
                let split = data.split(part)
                let label = "\(name) \(part.rawValue)"
                XCTAssertEqual(split.count, expected[0], label)
                XCTAssertEqual(Int(split.inputs.scalars.first ?? -1), expected[1], "\(label): first input row")
                XCTAssertEqual(Int(split.targets.scalars.last ?? -1), expected[2], "\(label): last target row")
            }
        }
    }

    func testTheReferenceSplitsAreSeqSNNsPerDataSetConfigurations() throws {
        // exp/forecast/dataset/*.yml: train_ratio / test_ratio, validation the rest.
        for (reference, train, valid, test) in [
            (ReferenceSplit.metrLA, 0.7, 0.2, 0.1), (.pemsBay, 0.7, 0.2, 0.1), (.solar, 0.6, 0.2, 0.2), (.electricity, 0.6, 0.2, 0.2)
        ] {
            XCTAssertEqual(reference.fractions.train, train)
            XCTAssertEqual(reference.fractions.valid, valid, accuracy: 1e-12)
            XCTAssertEqual(reference.fractions.test, test)
        }
        XCTAssertEqual(ReferenceSplit.standingIn(for: "electricity"), .electricity)
        XCTAssertEqual(ReferenceSplit.standingIn(for: "traffic"), .metrLA)
        XCTAssertNil(ReferenceSplit.standingIn(for: "sunspots"))
    }

    func testSpikesDefaultIsLabelledAsItsOwnAndNotAsAReferenceSplit() throws {
        XCTAssertEqual(SplitRule.standard.description, "0.7/0.1/0.2 of the time steps (Spike's default)")
        XCTAssertEqual(SplitRule(reference: .pemsBay).description, "0.7/0.2/0.1 of the windows (SeqSNN's pems-bay split)")
        XCTAssertEqual(SplitRule(try SplitFractions([0.6, 0.2, 0.2])).description, "0.6/0.2/0.2 of the time steps")
        XCTAssertFalse(ReferenceSplit.allCases.contains { $0.fractions == .standard }, "0.7/0.1/0.2 is no SeqSNN configuration")
    }

    func testSeqSNNsPartsOverlapByWindowPlusHorizonMinusOneSteps() throws {
        // W = 100 − 4 − 2 + 1 = 95 windows: train int(66.5) = 66, test int(9.5) = 9, valid 20.
        let rule = SplitRule(reference: .metrLA)
        XCTAssertEqual(rule.rows(length: 100, window: 4, horizon: 2), [0..<71, 66..<91, 86..<100])
        XCTAssertEqual(SplitRule.standard.rows(length: 100, window: 4, horizon: 2), [0..<70, 70..<80, 80..<100])
    }

    func testAReferenceSplitWithAnEmptyPartIsRefused() throws {
        // W = 12 − 4 − 2 + 1 = 7 windows: test int(0.7) = 0.
        XCTAssertThrowsError(
            try ForecastingSet(try ramp(length: 12), window: 4, horizon: 2, rule: SplitRule(reference: .metrLA))
        ) { error in
            guard case .value(argument: .split, _) = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
