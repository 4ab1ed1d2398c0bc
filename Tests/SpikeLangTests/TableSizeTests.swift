import SpikePlot
import XCTest

@testable import SpikeLang

/// `table()` keeps only the rows it shows and cuts long cell texts, so a table of a huge list
/// costs what it shows, and says how many rows it left out.
final class TableSizeTests: XCTestCase {
    private let range = SourceRange(line: 1, column: 1, length: 1)

    private func numbers(_ count: Int) -> Value {
        .list(ValueList((0..<count).map { .number(Double($0)) }))
    }

    func testARecordOfLongColumnsKeepsTheShownRowsAndCountsTheRest() throws {
        let table = try TableBuilder.table(
            from: .record(Record([Record.Field(name: "a", value: numbers(100_000))])), title: "",
            at: range)
        XCTAssertEqual(table.rows.count, table.maxRows)
        XCTAssertEqual(table.rows.last, [.number(Double(table.maxRows - 1))])
        XCTAssertTrue(table.text().hasSuffix("… \(100_000 - table.maxRows) more rows"), String(table.text().suffix(40)))
    }

    func testAListOfRecordsKeepsTheShownRowsAndStillFindsEveryColumn() throws {
        var rows = (0..<10_000).map { Value.record(Record([Record.Field(name: "i", value: .number(Double($0)))])) }
        rows.append(.record(Record([Record.Field(name: "late", value: .string("x"))])))
        let table = try TableBuilder.table(from: .list(ValueList(rows)), title: "", at: range)
        XCTAssertEqual(table.columns, ["i", "late"])
        XCTAssertEqual(table.rows.count, table.maxRows)
        XCTAssertTrue(table.html().contains("… \(10_001 - table.maxRows) more rows"))
    }

    func testACellHoldingALongListOrStringIsCut() throws {
        let long = String(repeating: "é", count: 10_000)
        let table = try TableBuilder.table(
            from: .list(
                ValueList([
                    .record(
                        Record([
                            Record.Field(name: "list", value: numbers(10_000)), Record.Field(name: "text", value: .string(long))
                        ]))
                ])), title: "", at: range)
        for cell in try XCTUnwrap(table.rows.first) {
            guard case .text(let text) = cell else { return XCTFail("\(cell)") }
            XCTAssertLessThanOrEqual(text.utf8.count, TableBuilder.cellTextLimit + 8, "one item past the limit, then …")
            XCTAssertTrue(text.hasSuffix("…"), String(text.suffix(10)))
        }
    }
}
