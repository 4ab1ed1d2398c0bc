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
        XCTAssertTrue(table.plain.hasPrefix("test metrics over 2 seeds: mean ± std"), table.plain)
        XCTAssertNotNil(table.svg, "the same chart compare draws")
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
