import Foundation
import XCTest

@testable import SpikeEngine

final class SweepLogTests: XCTestCase {
    private func write(_ lines: [String], trailingNewline: Bool = true) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")).write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func line(pe: String, seed: Int, r2: Double, mae: Double, status: String = "ok") -> String {
        """
        {"params": {"seed": \(seed), "pe": "\(pe)"}, "result": {"mae": \(mae), "r2": \(r2), "name": "x", "ok": true}, \
        "status": "\(status)", "error": \(status == "ok" ? "null" : "\"ValueError: boom\""), "seconds": 1.5, "host": "h"}
        """
    }

    func testASweepBecomesOneRowPerArmWithOneSamplePerSeedInSeedOrder() throws {
        let path = try write([
            line(pe: "none", seed: 1, r2: 0.5, mae: 0.3), line(pe: "cpg", seed: 0, r2: 0.7, mae: 0.2),
            line(pe: "none", seed: 0, r2: 0.4, mae: 0.35), line(pe: "cpg", seed: 1, r2: 0.9, mae: 0.1)
        ])
        let comparison = try SweepLog(contentsOf: path).comparison(arm: nil, seed: "seed")

        XCTAssertEqual(comparison.rows.map(\.name), ["none", "cpg"])
        XCTAssertEqual(try SweepLog(contentsOf: path).comparison(arm: ["pe", "seed"], seed: "seed").rows.first?.name, "pe=none, seed=1")
        XCTAssertEqual(comparison.metricNames, ["r2", "mae"], "paper metrics first; strings and booleans are not metrics")
        XCTAssertEqual(comparison.seeds, [0, 1])
        XCTAssertEqual(comparison.rows[0].metrics["r2"]?.samples, [0.4, 0.5])
        XCTAssertEqual(comparison.rows[0].seeds, [0, 1])
        // Closed form: mean 0.8, sample std sqrt(((0.1)^2 + (0.1)^2) / 1).
        XCTAssertEqual(comparison.rows[1].metrics["r2"]?.mean ?? 0, 0.8, accuracy: 1e-15)
        XCTAssertEqual(comparison.rows[1].metrics["r2"]?.std ?? 0, (0.02).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(comparison.rows[1].seconds, [1.5, 1.5])
    }

    func testFailedRunsAreKeptInTheLogButLeftOutOfTheComparison() throws {
        let path = try write([
            line(pe: "none", seed: 0, r2: 0.4, mae: 0.3), line(pe: "none", seed: 1, r2: 0, mae: 0, status: "error")
        ])
        let log = try SweepLog(contentsOf: path)
        XCTAssertEqual(log.runs.map(\.ok), [true, false])
        XCTAssertEqual(log.runs[1].error, "ValueError: boom")
        XCTAssertEqual(try log.comparison(arm: ["pe"], seed: "seed").rows[0].seeds, [0])
    }

    func testATornLastLineIsSkippedButATornMiddleLineIsAnErrorNamingIt() throws {
        let torn = try write([line(pe: "none", seed: 0, r2: 0.4, mae: 0.3), "{\"params\": {\"se"], trailingNewline: false)
        XCTAssertEqual(try SweepLog(contentsOf: torn).runs.count, 1)

        let broken = try write(["{\"params\": {\"se", line(pe: "none", seed: 0, r2: 0.4, mae: 0.3)])
        XCTAssertThrowsError(try SweepLog(contentsOf: broken)) { error in
            guard case DataError.unreadableFile(_, let reason) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(reason.hasPrefix("line 1 "), reason)
        }
    }

    func testParametersKeepTheirOrderAndSpikeTextForm() throws {
        let path = try write([
            #"{"params": {"zeta": 2.5, "alpha": "cpg", "flag": false, "n": 3}, "result": 0.25, "status": "ok", "seconds": 2}"#
        ])
        let run = try XCTUnwrap(try SweepLog(contentsOf: path).runs.first)
        XCTAssertEqual(run.params.map(\.name), ["zeta", "alpha", "flag", "n"])
        XCTAssertEqual(run.params.map(\.value), ["2.5", "cpg", "false", "3"])
        XCTAssertEqual(run.metrics.map(\.name), ["result"])
        XCTAssertEqual(run.metrics.map(\.value), [0.25])
    }

    func testRunsWithoutAWholeNumberSeedCannotBePaired() throws {
        let path = try write([#"{"params": {"seed": "a", "pe": "none"}, "result": 1, "status": "ok", "seconds": 1}"#])
        XCTAssertThrowsError(try SweepLog(contentsOf: path).comparison(arm: nil, seed: "seed"))
        XCTAssertThrowsError(try SweepLog(contentsOf: "/nonexistent/sweep.jsonl")) { error in
            XCTAssertEqual(error as? DataError, .fileNotFound(path: "/nonexistent/sweep.jsonl"))
        }
    }

    func testNumbersReadBackExactlyAndEscapesAreDecoded() throws {
        // Python's json writes repr(x), the shortest text that reads back as the same double.
        let values = [-0.08120307969181129, 0.1, 1e-300, 123_456_789.123_456_79, Double.leastNonzeroMagnitude]
        let fields = values.enumerated().map { "\"m\($0.offset)\": \($0.element)" }.joined(separator: ", ")
        let path = try write([
            #"{"params": {"pe": "caf\u00e9 \"x\"\n", "seed": 0}, "result": {"# + fields + #"}, "status": "ok", "seconds": 1}"#
        ])
        let run = try XCTUnwrap(try SweepLog(contentsOf: path).runs.first)
        XCTAssertEqual(run.params.first?.value, "café \"x\"\n")
        XCTAssertEqual(run.metrics.map(\.value), values)
    }
}
