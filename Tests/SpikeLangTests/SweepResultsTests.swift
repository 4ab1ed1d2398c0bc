import Foundation
import XCTest

@testable import SpikeLang

/// `sweep_results` reads a sweep log into the comparison view `compare` gives.
final class SweepResultsTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("spike-sweep-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lines = [
            #"{"params": {"pe": "none", "seed": 0}, "result": {"r2": 0.25, "mae": 0.5}, "status": "ok", "seconds": 2}"#,
            #"{"params": {"pe": "none", "seed": 1}, "result": {"r2": 0.75, "mae": 0.25}, "status": "ok", "seconds": 4}"#,
            #"{"params": {"pe": "cpg", "seed": 0}, "result": {"r2": 0.5, "mae": 0.5}, "status": "ok", "seconds": 3}"#,
            #"{"params": {"pe": "cpg", "seed": 1}, "result": null, "status": "error", "error": "ValueError at 3:1: boom", "seconds": 1}"#
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/sweep.jsonl", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testASweepReadsBackAsAComparisonWithItsFailuresListed() throws {
        let session = Session()
        let sink = RecordingSink()
        let outcome = session.run(
            "s = sweep_results(\"\(directory)\", arm=\"pe\")\n[s.seeds, s.none.r2.values, s.none.r2.mean, s.cpg.mae.values]",
            output: sink)
        XCTAssertNil(outcome.failure, outcome.failure?.message ?? "")
        XCTAssertEqual(outcome.result?.plain, "[[0, 1], [0.25, 0.75], 0.5, [0.5]]")
        let stderr = sink.events.compactMap { event -> String? in
            if case .write(let text, .stderr) = event { return text }
            return nil
        }.joined()
        XCTAssertEqual(stderr, "1 of 4 runs failed and are left out:\n  pe=cpg, seed=1: ValueError at 3:1: boom\n")
        let table = try XCTUnwrap(session.run("s", output: RecordingSink()).result)
        XCTAssertTrue(table.plain.hasPrefix("metrics over 2 seeds; failed: r2 < 0.3 or nan"), table.plain)
        XCTAssertNotNil(table.svg, "the same chart compare draws")
    }

    func testTheTableGivesEachArmItsSeedsMeanIntervalMedianAndFailures() throws {
        let session = Session()
        let table = try XCTUnwrap(session.run("sweep_results(\"\(directory)\", arm=\"pe\")", output: RecordingSink()).result)
        // none: r2 0.25 and 0.75, mean 0.5 ± t(0.975, 1) · 0.25 = 0.5 ± 3.1766 (scipy.stats.t.interval);
        // 0.25 < 0.3 fails. cpg: one seed, no interval.
        XCTAssertEqual(
            table.plain,
            """
            metrics over 2 seeds; failed: r2 < 0.3 or nan
            model  seeds  r2 mean [95% CI]  median  failed  mae mean ± std  time per run
            -----  -----  ----------------  ------  ------  --------------  ------------
            none       2  0.5 [-2.7, 3.7]*     0.5  1/2       0.38 ± 0.18*  3.0 s
            cpg        1              0.5*     0.5  0/1           0.5 ± 0   3.0 s
            * best in column
            """)
        let html = try XCTUnwrap(table.html)
        XCTAssertTrue(
            html.contains(
                "<th style=\"text-align:right;padding:2px 10px;white-space:nowrap;border-bottom:1px solid #8888\">r2 mean [95% CI]</th>"),
            html)
    }

    func testFailureChoosesTheRuleAndFalseDropsIt() throws {
        let session = Session()
        let lenient = try XCTUnwrap(session.run("sweep_results(\"\(directory)\", arm=\"pe\", failure=0.2)", output: RecordingSink()).result)
        XCTAssertTrue(lenient.plain.hasPrefix("metrics over 2 seeds; failed: r2 < 0.2 or nan\n"), lenient.plain)
        XCTAssertTrue(lenient.plain.contains("0/2"), lenient.plain)
        let none = try XCTUnwrap(session.run("sweep_results(\"\(directory)\", arm=\"pe\", failure=false)", output: RecordingSink()).result)
        XCTAssertFalse(none.plain.contains("failed"), none.plain)
    }

    func testBadPathsAndSeedsSayWhatIsWrong() {
        let session = Session()
        let missing = session.run("sweep_results(\"\(directory)/nope\")", output: RecordingSink()).failure
        XCTAssertEqual(missing?.name, "ValueError")
        XCTAssertTrue(missing?.message.contains("'path' names no file") ?? false, missing?.message ?? "")
        let seed = session.run("sweep_results(\"\(directory)\", seed=\"pe\")", output: RecordingSink()).failure
        XCTAssertEqual(seed?.name, "ValueError")
        XCTAssertTrue(seed?.message.contains("'seed'") ?? false, seed?.message ?? "")
        let arm = session.run("sweep_results(\"\(directory)\", arm=3)", output: RecordingSink()).failure
        XCTAssertEqual(arm?.name, "TypeError")
    }
}
