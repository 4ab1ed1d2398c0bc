import Foundation
import JupyterWire
import XCTest

@testable import SpikeKernel

/// `sweep.jsonl`: whole lines, resumption from what they say, and no torn line left behind.
final class SweepJournalTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spike-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func record(_ id: String, _ status: RunRecord.Status) -> RunRecord {
        let moment = Date(timeIntervalSince1970: 1_780_000_000)
        return RunRecord(
            id: id, params: ["id": .string(id)], status: status, error: status == .ok ? nil : "boom", host: "h",
            started: moment, finished: moment)
    }

    private func lines(_ records: [RunRecord]) -> Data {
        records.map(SweepJournal.line(for:)).reduce(Data(), +)
    }

    func testARunIsFinishedOnceALineSaysOkAndOnlyThen() {
        let journal = SweepJournal(
            contents: lines([record("a", .error), record("a", .ok), record("b", .ok), record("b", .error), record("c", .error)]))
        XCTAssertEqual(journal.records.count, 5)
        XCTAssertEqual(journal.finishedIDs, ["a", "b"])
    }

    func testATornLastLineIsNotARecordAndIsLeftOutOfTheWholeLength() {
        let whole = lines([record("a", .ok)])
        let torn = lines([record("b", .ok)]).prefix(30)
        let journal = SweepJournal(contents: whole + torn)
        XCTAssertEqual(journal.records.map(\.id), ["a"])
        XCTAssertEqual(journal.wholeLength, whole.count)
        XCTAssertEqual(journal.unreadableLines, [])
    }

    func testUnreadableWholeLinesAreCountedAndSkipped() {
        let contents = lines([record("a", .ok)]) + Data("not json\n{\"status\": \"ok\"}\n".utf8) + lines([record("b", .ok)])
        let journal = SweepJournal(contents: contents)
        XCTAssertEqual(journal.finishedIDs, ["a", "b"])
        XCTAssertEqual(journal.unreadableLines, [2, 3])
    }

    func testAnEmptyJournalHasNothingFinished() {
        let journal = SweepJournal(contents: Data())
        XCTAssertEqual(journal.records, [])
        XCTAssertEqual(journal.wholeLength, 0)
    }

    func testOpeningCutsATornLineSoAppendedLinesStayWhole() throws {
        let url = folder.appendingPathComponent("sweep.jsonl")
        try (lines([record("a", .ok)]) + Data("{\"id\": \"b\", \"par".utf8)).write(to: url)
        let file = try JournalFile(url: url)
        XCTAssertEqual(file.journal.finishedIDs, ["a"])
        try file.append(record("b", .ok))
        try file.append(record("c", .error))
        let reread = SweepJournal(contents: try Data(contentsOf: url))
        XCTAssertEqual(reread.records.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(reread.unreadableLines, [])
        XCTAssertEqual(reread.wholeLength, try Data(contentsOf: url).count)
    }

    func testOpeningAMissingJournalCreatesIt() throws {
        let url = folder.appendingPathComponent("new.jsonl")
        let file = try JournalFile(url: url)
        XCTAssertEqual(file.journal.records, [])
        try file.append(record("a", .ok))
        XCTAssertEqual(SweepJournal(contents: try Data(contentsOf: url)).finishedIDs, ["a"])
    }

    func testAJournalThatCannotBeOpenedSaysWhere() {
        let url = folder.appendingPathComponent("missing-folder/sweep.jsonl")
        XCTAssertThrowsError(try JournalFile(url: url)) { error in
            XCTAssertEqual((error as? JournalFile.Failure)?.step, "open")
            XCTAssertTrue("\(error)".contains(url.path), "\(error)")
        }
    }
}
