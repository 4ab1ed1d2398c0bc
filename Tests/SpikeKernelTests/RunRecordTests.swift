import Foundation
import JupyterWire
import SpikeLang
import XCTest

@testable import SpikeKernel

/// A script's values as JSON, and a run's record as a line of `sweep.jsonl`.
final class RunRecordTests: XCTestCase {
    private let started = Date(timeIntervalSince1970: 1_780_000_000.25)
    private let finished = Date(timeIntervalSince1970: 1_780_000_002.5)

    func testNumbersStringsListsAndRecordsKeepTheirJSONForm() {
        let value = PlainValue.record([
            .init(name: "n", value: .number(3)), .init(name: "x", value: .number(0.25)), .init(name: "s", value: .string("a")),
            .init(name: "b", value: .boolean(true)), .init(name: "z", value: .none),
            .init(name: "l", value: .list([.number(1), .number(-2.5)]))
        ])
        let (json, notes) = value.json()
        XCTAssertEqual(json, ["n": .int(3), "x": .double(0.25), "s": "a", "b": true, "z": .null, "l": [.int(1), .double(-2.5)]])
        XCTAssertEqual(notes, [])
    }

    func testANonFiniteNumberIsNullWithANoteNamingItsPlace() {
        let value = PlainValue.record([
            .init(name: "loss", value: .number(.nan)), .init(name: "curve", value: .list([.number(1), .number(-.infinity)]))
        ])
        let (json, notes) = value.json()
        XCTAssertEqual(json, ["loss": .null, "curve": [.int(1), .null]])
        XCTAssertEqual(Set(notes), ["result.loss is nan, written as null", "result.curve[1] is -inf, written as null"])
    }

    func testAValueWithoutAPlainFormIsItsTextUnderKeysNoRecordCanHave() throws {
        let session = Session()
        let outcome = session.runScript("plot([1, 2, 3])", output: DiscardingSink())
        guard case .opaque(let kind, let text) = outcome.value else { return XCTFail("\(String(describing: outcome.value))") }
        XCTAssertEqual(kind, "a figure")
        XCTAssertEqual(outcome.value?.json().json, ["$type": "a figure", "$text": .string(text)])
    }

    func testAScriptSeesItsBoundParametersAndGivesItsLastValue() {
        let session = Session()
        session.bind("seed", to: .number(3))
        session.bind("pe", to: .string("cpg"))
        let outcome = session.runScript("x = seed * 2\n{x: x, pe: pe}", output: DiscardingSink())
        XCTAssertNil(outcome.cell.failure)
        XCTAssertEqual(outcome.value, .record([.init(name: "x", value: .number(6)), .init(name: "pe", value: .string("cpg"))]))
    }

    func testAScriptEndingInAnAssignmentOrAFailureHasNoValue() {
        XCTAssertNil(Session().runScript("x = 1", output: DiscardingSink()).value)
        let failed = Session().runScript("1\n[1][3]", output: DiscardingSink())
        XCTAssertNotNil(failed.cell.failure)
        XCTAssertNil(failed.value)
    }

    func testARecordReadsBackFromItsJSON() throws {
        var record = RunRecord(
            parameters: [.init(name: "seed", value: .number(3))], result: .record([.init(name: "r2", value: .number(.nan))]),
            failure: nil, host: "node7", started: started, finished: finished)
        record.id = "seed-3-0123456789ab"
        XCTAssertEqual(record.status, .ok)
        XCTAssertEqual(record.seconds, 2.25)
        XCTAssertEqual(record.notes, ["result.r2 is nan, written as null"])
        XCTAssertEqual(record.json["started"], "2026-05-28T20:26:40.250Z")
        let line = SweepJournal.line(for: record)
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
        XCTAssertFalse(line.dropLast().contains(UInt8(ascii: "\n")), "one record is one line")
        XCTAssertEqual(RunRecord(json: try XCTUnwrap(JSONValue(jsonBytes: line.dropLast()))), record)
    }

    func testAFailedRunKeepsItsMessageAndNoResult() {
        let record = RunRecord(
            parameters: [], result: .number(1), failure: "ValueError: at 2:1: boom", host: "h", started: started,
            finished: finished)
        XCTAssertEqual(record.status, .error)
        XCTAssertEqual(record.error, "ValueError: at 2:1: boom")
        XCTAssertEqual(record.result, .null)
    }

    func testARunThatLeftNoRecordSaysHowItEndedAndQuotesItsLog() {
        let run = SweepRun(parameters: [.init(name: "a", value: .number(1))])
        let record = RunRecord(
            run: run, ending: "killed by signal 9", logTail: ["step 3", "step 4"], host: "h", started: started,
            finished: finished)
        XCTAssertEqual(record.id, run.id)
        XCTAssertEqual(record.params, ["a": .int(1)])
        XCTAssertEqual(record.error, "the run ended without a record (killed by signal 9); its log ends with:\nstep 3\nstep 4")
    }

    func testJSONWithoutARequiredMemberIsNotARecord() throws {
        var json = RunRecord(parameters: [], result: nil, failure: nil, host: "h", started: started, finished: finished).json
        XCTAssertNotNil(RunRecord(json: json))
        for member in ["params", "status", "seconds", "host", "started", "finished"] {
            guard case .object(var members) = json else { return XCTFail() }
            members[member] = nil
            XCTAssertNil(RunRecord(json: .object(members)), member)
        }
        json = ["status": "maybe"]
        XCTAssertNil(RunRecord(json: json))
    }
}

/// An output sink that keeps nothing.
final class DiscardingSink: OutputSink {
    func write(_ text: String, stream: TextStream) {}
    func display(_ rendering: Rendering, id: String?) {}
    func update(_ rendering: Rendering, id: String) {}
    func clear(wait: Bool) {}
    var isCancelled: Bool { false }
}
