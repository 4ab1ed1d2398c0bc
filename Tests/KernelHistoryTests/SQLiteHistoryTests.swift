import Foundation
import JupyterWire
import XCTest

@testable import KernelHistory

/// The SQLite history: kept across kernels (restarts), shared by concurrent ones, bounded.
final class SQLiteHistoryTests: XCTestCase {
    private var folder: URL!
    private var path: String { folder.appendingPathComponent("jupyter/spike/history.sqlite").path }
    private var logged: [String] = []

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spike-history-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func open(_ limits: SQLiteHistory.Limits = .standard) throws -> SQLiteHistory {
        try SQLiteHistory(path: path, limits: limits, log: { [weak self] in self?.logged.append($0) })
    }

    func testANewKernelSeesTheLastSessionsInputsAndCanAskForThemByRange() throws {
        let first = try open()
        first.record(line: 1, input: "x = 1", output: nil)
        first.record(line: 2, input: "x + 1", output: "2")
        let second = try open()
        XCTAssertEqual(second.session, first.session + 1)
        second.record(line: 1, input: "y = 3", output: nil)
        XCTAssertEqual(
            second.query(.tail(count: 3)),
            [
                HistoryEntry(session: first.session, line: 1, input: "x = 1"),
                HistoryEntry(session: first.session, line: 2, input: "x + 1", output: "2"),
                HistoryEntry(session: second.session, line: 1, input: "y = 3")
            ])
        XCTAssertEqual(second.query(.range(session: -1, start: 2, stop: nil)).map(\.input), ["x + 1"])
        XCTAssertEqual(second.query(.range(session: 0, start: 1, stop: 2)).map(\.input), ["y = 3"])
        XCTAssertEqual(second.query(.range(session: first.session, start: 1, stop: 2)).map(\.input), ["x = 1"])
        XCTAssertEqual(logged, [])
    }

    func testSearchMatchesGlobsOldestFirstAndUniqueKeepsTheLatestOfEachInput() throws {
        let history = try open()
        for (line, input) in ["6*7", "a = 6*7", "6*7", "print(1)"].enumerated() {
            history.record(line: line + 1, input: input, output: nil)
        }
        XCTAssertEqual(history.query(.search(pattern: "6*7", count: nil, unique: false)).map(\.line), [1, 3])
        XCTAssertEqual(history.query(.search(pattern: "*6*", count: nil, unique: true)).map(\.line), [2, 3])
        XCTAssertEqual(history.query(.search(pattern: "*", count: 2, unique: false)).map(\.line), [3, 4])
        XCTAssertEqual(history.query(.search(pattern: "PRINT*", count: nil, unique: false)), [], "GLOB is case-sensitive")
    }

    func testTextsComeBackWholeWithNULAndAstralCharactersAndLongOnesAreCut() throws {
        let history = try open(SQLiteHistory.Limits(textBytes: 64, totalBytes: 1 << 20, entries: 100))
        let odd = "s = \"a\u{0}b 😀\"\n# é"
        history.record(line: 1, input: odd, output: "\u{0}")
        history.record(line: 2, input: String(repeating: "x", count: 1000), output: nil)
        let entries = history.query(.tail(count: 2))
        XCTAssertEqual(entries.first?.input, odd)
        XCTAssertEqual(entries.first?.output, "\u{0}")
        XCTAssertEqual(entries.last?.input.hasPrefix(String(repeating: "x", count: 64) + "\n… [history kept the first 64"), true)
    }

    func testTheOldestRowsGoOnceTheFileHoldsMoreThanItsLimits() throws {
        let limits = SQLiteHistory.Limits(textBytes: 1 << 10, totalBytes: 1 << 20, entries: 50)
        let history = try open(limits)
        for line in 1...200 { history.record(line: line, input: "cell \(line)", output: nil) }
        // Trimmed every 64 records and when a kernel opens the file.
        let reopened = try open(limits)
        let kept = reopened.query(.tail(count: 1000)).map(\.line)
        XCTAssertEqual(kept, Array(151...200))
        let bytes = SQLiteHistory.Limits(textBytes: 1 << 10, totalBytes: 1000, entries: 1000)
        let big = try open(bytes)
        for line in 1...64 { big.record(line: line, input: String(repeating: "y", count: 100), output: nil) }
        XCTAssertEqual(big.query(.range(session: 0, start: 1, stop: nil)).map(\.line), Array(55...64))
    }

    func testTwoKernelsWritingInTurnEachKeepEveryLineOfTheirOwnSession() throws {
        let a = try open()
        let b = try open()
        for line in 1...100 {
            a.record(line: line, input: "a\(line)", output: nil)
            b.record(line: line, input: "b\(line)", output: nil)
        }
        XCTAssertEqual(a.query(.range(session: 0, start: 1, stop: nil)).count, 100)
        XCTAssertEqual(b.query(.range(session: 0, start: 1, stop: nil)).map(\.input).last, "b100")
        XCTAssertEqual(logged, [])
    }

    func testAFileThatCannotBeMadeIsAnErrorAtOpening() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        XCTAssertThrowsError(try SQLiteHistory(path: blocker.path + "/history.sqlite", log: { _ in }))
    }

    func testTheFileLivesInJupytersDataFolderUnlessSpikeHistoryNamesAnother() {
        XCTAssertEqual(HistoryFile.path(environment: ["HOME": "/home/ada"]), "/home/ada/.local/share/jupyter/spike/history.sqlite")
        XCTAssertEqual(
            HistoryFile.path(environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "/x"]), "/x/jupyter/spike/history.sqlite")
        XCTAssertEqual(
            HistoryFile.path(environment: ["JUPYTER_DATA_DIR": "/j", "XDG_DATA_HOME": "/x"]), "/j/spike/history.sqlite")
        XCTAssertEqual(HistoryFile.path(environment: ["SPIKE_HISTORY": "/tmp/h.sqlite", "JUPYTER_DATA_DIR": "/j"]), "/tmp/h.sqlite")
        XCTAssertNil(HistoryFile.path(environment: ["SPIKE_HISTORY": "off"]))
    }
}
