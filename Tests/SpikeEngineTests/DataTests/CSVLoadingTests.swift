import Foundation
import XCTest

@testable import SpikeEngine

final class CSVLoadingTests: XCTestCase {
    private func series(
        _ text: String, columns: ColumnSelection = .all, time: String? = nil, missing: MissingPolicy = .interpolate
    ) throws -> Series {
        try Series(csv: text, name: "t", columns: columns, timeColumn: time, missing: missing)
    }

    private func assertDataError(
        _ expected: DataError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Series
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? DataError, expected, file: file, line: line)
        }
    }

    func testNumericColumnsBecomeVariatesAndTextColumnsAreSkipped() throws {
        let s = try series("when,a,b\nmon,1,10\ntue,2,20\nwed,3,30\n")
        XCTAssertEqual(s.columns, ["a", "b"])
        XCTAssertEqual(s.shape, [3, 2])
        XCTAssertEqual(s.values, [1, 10, 2, 20, 3, 30])
        XCTAssertNil(s.timeLabels)
    }

    func testATimeColumnLabelsTheRowsAndIsNeverAVariate() throws {
        let s = try series("year,x\n1700,5\n1701,11\n", time: "year")
        XCTAssertEqual(s.columns, ["x"])
        XCTAssertEqual(s.timeLabels, ["1700", "1701"])
    }

    func testQuotedHeadersAndFieldsAreUnquoted() throws {
        let s = try series("\"YEAR\",\"SUN, ACTIVITY\"\n1700,\"5\"\n1701,11\n", time: "YEAR")
        XCTAssertEqual(s.columns, ["SUN, ACTIVITY"])
        XCTAssertEqual(s.values, [5, 11])
    }

    func testNamedColumnsAreKeptInTheGivenOrder() throws {
        let s = try series("a,b,c\n1,2,3\n4,5,6\n", columns: .named(["c", "a"]))
        XCTAssertEqual(s.columns, ["c", "a"])
        XCTAssertEqual(s.values, [3, 1, 6, 4])
    }

    func testWindowsLineEndingsAndBlankLinesAreAccepted() throws {
        let s = try series("a\r\n1\r\n\r\n2\r\n")
        XCTAssertEqual(s.values, [1, 2])
    }

    func testMissingValuesAreCountedAndInterpolatedByDefault() throws {
        let s = try series("a,b\n1,10\n,NA\n,nan\n4,40\n")
        XCTAssertEqual(s.missing.perColumn, [2, 2])
        XCTAssertEqual(s.missing.total, 4)
        XCTAssertEqual(s.values, [1, 10, 2, 20, 3, 30, 4, 40])
    }

    func testLeadingAndTrailingGapsTakeTheNearestPresentValue() throws {
        let s = try series("a\n5\nNA\n7\nnull\n", missing: .interpolate)
        XCTAssertEqual(s.values, [5, 6, 7, 7])
        let leading = try series("a,b\n,1\n3,1\n")
        XCTAssertEqual(leading.values, [3, 1, 3, 1])
    }

    func testMissingValuesCanBeZeroedDroppedOrRefused() throws {
        let text = "t,a\nx,1\ny,\nz,3\n"
        XCTAssertEqual(try series(text, time: "t", missing: .zero).values, [1, 0, 3])
        let dropped = try series(text, time: "t", missing: .drop)
        XCTAssertEqual(dropped.values, [1, 3])
        XCTAssertEqual(dropped.timeLabels, ["x", "z"])
        XCTAssertEqual(dropped.missing.droppedRows, 1)
        assertDataError(.missingValue(line: 3, column: "a")) { try series(text, time: "t", missing: .error) }
    }

    func testANonNumericCellIsReportedWithItsLineAndColumn() {
        assertDataError(.malformedRow(line: 3, column: 2, problem: .notANumber("x1"))) {
            try series("a,b\n1,2\n3, x1\n")
        }
    }

    func testARowWithTheWrongNumberOfFieldsIsReportedAtItsFirstExtraOrMissingField() {
        assertDataError(.malformedRow(line: 3, column: 3, problem: .fieldCount(expected: 2, found: 3))) {
            try series("a,b\n1,2\n3,4,5\n")
        }
        assertDataError(.malformedRow(line: 2, column: 2, problem: .fieldCount(expected: 2, found: 1))) {
            try series("a,b\n1\n")
        }
    }

    func testAnUnclosedQuoteIsReportedWhereItsRecordStarts() {
        assertDataError(.malformedRow(line: 2, column: 2, problem: .unterminatedQuote)) {
            try series("a,b\n1,\"2\n3,4\n")
        }
    }

    func testAnUnknownColumnListsTheValidOnes() {
        assertDataError(.unknownColumn(name: "z", valid: ["a", "b"])) { try series("a,b\n1,2\n", columns: .named(["z"])) }
        assertDataError(.unknownColumn(name: "when", valid: ["a", "b"])) { try series("a,b\n1,2\n", time: "when") }
    }

    func testEmptyAndHeaderOnlyAndTextOnlyFilesAreErrors() {
        assertDataError(.emptyFile(path: "<text>")) { try series("") }
        assertDataError(.emptyFile(path: "<text>")) { try series("\n\n") }
        assertDataError(.noRows(path: "<text>")) { try series("a,b\n") }
        assertDataError(.noNumericColumns(path: "<text>")) { try series("name\nann\nbob\n") }
        assertDataError(.duplicateColumn(name: "a")) { try series("a,a\n1,2\n") }
        assertDataError(.allMissing(column: "a")) { try series("a,b\n,1\nNA,2\n", columns: .named(["a"])) }
    }

    func testLoadingAFileByPathNamesTheSeriesAfterTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spike-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("flows.csv")
        try "x,y\n1,2\n3,4\n".write(to: url, atomically: true, encoding: .utf8)
        let s = try Series.loadCSV(path: url.path)
        XCTAssertEqual(s.name, "flows")
        XCTAssertEqual(s.values, [1, 2, 3, 4])

        let missing = directory.appendingPathComponent("nope.csv").path
        assertDataError(.fileNotFound(path: missing)) { try Series.loadCSV(path: missing) }
        assertDataError(.fileNotFound(path: directory.path)) { try Series.loadCSV(path: directory.path) }
        XCTAssertThrowsError(try Series.loadCSV(path: url.path, budget: MemoryBudget(bytes: 16))) { error in
            guard case .resource? = error as? EngineError else { return XCTFail("\(error)") }
        }
        let binary = directory.appendingPathComponent("bad.csv")
        try Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: binary)
        XCTAssertThrowsError(try Series.loadCSV(path: binary.path)) { error in
            guard case .unreadableFile? = error as? DataError else { return XCTFail("\(error)") }
        }
    }

    func testErrorMessagesNameTheLineAndColumn() {
        let error = DataError.malformedRow(line: 7, column: 2, problem: .notANumber("abc"))
        XCTAssertEqual(error.description, "line 7, column 2: 'abc' is not a number")
        XCTAssertEqual(
            DataError.unknownColumn(name: "z", valid: ["a", "b"]).description,
            "no column 'z'; the columns are \"a\", \"b\"")
    }

    func testPolicyNamesAreParsedOnceWithTheValidOnesListed() throws {
        XCTAssertEqual(try MissingPolicy(named: "drop"), .drop)
        XCTAssertThrowsError(try MissingPolicy(named: "mean")) { error in
            XCTAssertEqual(error as? DataError, .unknownMissingPolicy(name: "mean", valid: ["interpolate", "zero", "drop", "error"]))
        }
    }
}
