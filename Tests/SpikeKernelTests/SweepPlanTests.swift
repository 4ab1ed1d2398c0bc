import SpikeLang
import XCTest

@testable import SpikeKernel

/// A sweep's combinations, their order and their ids.
final class SweepPlanTests: XCTestCase {
    private func axis(_ argument: String) throws -> SweepAxis { try SweepAxis.parse(argument) }

    func testThePlanIsTheCartesianProductWithTheFirstNameVaryingSlowest() throws {
        let plan = try SweepPlan(axes: [axis("seed=0..2"), axis("pe=none,cpg,sinusoidal")])
        XCTAssertEqual(
            plan.runs.map(\.arguments),
            [
                ["seed=0", "pe=none"], ["seed=0", "pe=\"cpg\""], ["seed=0", "pe=\"sinusoidal\""],
                ["seed=1", "pe=none"], ["seed=1", "pe=\"cpg\""], ["seed=1", "pe=\"sinusoidal\""]
            ])
        XCTAssertEqual(Set(plan.runs.map(\.id)).count, 6, "every run has its own id")
    }

    func testAPlanNeedsAxesWithDistinctNamesAndBoundedSize() throws {
        XCTAssertThrowsError(try SweepPlan(axes: [])) { XCTAssertEqual($0 as? SweepInputError, .noParameters) }
        XCTAssertThrowsError(try SweepPlan(axes: [axis("a=1,2"), axis("b=3"), axis("a=4")])) {
            XCTAssertEqual($0 as? SweepInputError, .duplicateName("a"))
        }
        XCTAssertThrowsError(try SweepPlan(axes: [axis("a=0..4"), axis("b=0..3")], limit: 11)) {
            XCTAssertEqual($0 as? SweepInputError, .tooManyRuns(limit: 11))
        }
        XCTAssertEqual(try SweepPlan(axes: [axis("a=0..4"), axis("b=0..3")], limit: 12).runs.count, 12)
    }

    func testNamesTheScriptNeverMentionsAreFound() throws {
        let plan = try SweepPlan(axes: [axis("seed=1"), axis("sede=2"), axis("pe=cpg")])
        let identifiers = ScriptText.identifiers(in: "x = seed + 1  # pe\n{pe: \"sede\"}")
        XCTAssertEqual(plan.names(missingFrom: identifiers), ["sede"])
    }

    func testAnIDSpellsTheParametersInNameOrderAndEndsInAHashComputedIndependently() {
        // The hash: FNV-1a 64 over `pe="cpg"\nseed=3`, SplitMix64's finalizer, top 48 bits —
        // computed with Python for this test.
        let run = SweepRun(parameters: [.init(name: "seed", value: .number(3)), .init(name: "pe", value: .string("cpg"))])
        XCTAssertEqual(run.id, "pe-cpg_seed-3-731ad2e7aad8")
        let reordered = SweepRun(parameters: [.init(name: "pe", value: .string("cpg")), .init(name: "seed", value: .number(3))])
        XCTAssertEqual(reordered.id, run.id, "the order on the command line does not matter")
    }

    func testValuesSpelledAlikeStillGetDifferentIDs() {
        let slash = SweepRun(parameters: [.init(name: "path", value: .string("a/b"))])
        let underscore = SweepRun(parameters: [.init(name: "path", value: .string("a_b"))])
        XCTAssertEqual(slash.id, "path-a_b-9f32a83a8580")
        XCTAssertEqual(underscore.id, "path-a_b-fb7e3ee01e6d")
    }

    func testALongValueIsCutInTheIDButStillDistinguished() {
        let long = String(repeating: "x", count: 200)
        let first = SweepRun(parameters: [.init(name: "s", value: .string(long + "1"))])
        let second = SweepRun(parameters: [.init(name: "s", value: .string(long + "2"))])
        XCTAssertEqual(first.id.count, "s-".count + SweepRun.valueSpellingLimit + "-".count + 12)
        XCTAssertNotEqual(first.id, second.id)
    }
}
