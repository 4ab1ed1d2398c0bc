import XCTest

@testable import SpikePlot

final class TableTests: XCTestCase {
    private var metrics: Table {
        var table = Table(
            columns: ["model", "r2", "mse", "spiking"],
            rows: [
                [.text("cpg"), .meanStd(mean: 0.91234, std: 0.01345), .number(0.0871234), .bool(true)],
                [.text("none"), .meanStd(mean: 0.887, std: 0.021), .number(0.10431), .bool(true)],
                [.text("transformer"), .meanStd(mean: 0.9, std: 0.0), .number(0.1 + 0.2), .bool(false)]
            ], title: "Forecasting")
        table.best = [1: .highest, 2: .lowest]
        return table
    }

    func testTextIsAlignedByTypeWithBestValuesMarked() {
        XCTAssertEqual(
            metrics.text(),
            """
            Forecasting
            model                    r2       mse  spiking
            -----------  --------------  --------  -------
            cpg          0.912 ± 0.013*  0.08712*   true
            none         0.887 ± 0.021    0.1043    true
            transformer        0.9 ± 0       0.3    false
            * best in column
            """)
    }

    func testHTMLAlignsByTypeAndBoldsTheBestValuePerColumn() throws {
        let root = try XCTUnwrap(XMLNode.parse(metrics.html()))
        let headers = root.elements("th")
        XCTAssertEqual(headers.map(\.text), ["model", "r2", "mse", "spiking"])
        XCTAssertEqual(headers.map { $0.attributes["style"]?.contains("text-align:right") ?? false }, [false, true, true, false])
        let firstRow = try XCTUnwrap(root.elements("tr").dropFirst().first)
        XCTAssertEqual(firstRow.children.map(\.deepText), ["cpg", "0.912 ± 0.013", "0.08712", "true"])
        XCTAssertEqual(root.elements("strong").map(\.text), ["0.912 ± 0.013", "0.08712"])
        XCTAssertEqual(root.elements("caption").first?.text, "Forecasting")
    }

    func testWideCharactersTakeTwoColumnsSoTextTablesStayAligned() {
        let table = Table(
            columns: ["name", "n"], rows: [[.text("脉冲"), .number(1)], [.text("spike 🧠"), .number(22)], [.text("é"), .number(3)]])
        XCTAssertEqual(
            table.text(),
            """
            name       n
            --------  --
            脉冲       1
            spike 🧠  22
            é          3
            """)
    }

    func testLongTablesAreTruncatedWithAMoreRowsLine() throws {
        var table = Table(columns: ["i"], rows: (0..<120).map { [.number(Double($0))] })
        table.maxRows = 10
        XCTAssertEqual(table.text().split(separator: "\n").last, "… 110 more rows")
        let root = try XCTUnwrap(XMLNode.parse(table.html()))
        XCTAssertEqual(root.elements("tr").count, 1 + 10 + 1)
        XCTAssertEqual(root.elements("td").last?.text, "… 110 more rows")
        XCTAssertEqual(root.elements("td").last?.attributes["colspan"], "1")
    }

    func testATableWithoutColumnsOrRowsStillRendersValidly() throws {
        let empty = Table(columns: [], rows: [])
        XCTAssertEqual(empty.text(), "(empty table)")
        XCTAssertNotNil(XMLNode.parse(empty.html()))
        let headerOnly = Table(columns: ["a", "b"], rows: [])
        XCTAssertEqual(headerOnly.text(), "a  b\n-  -\n(no rows)")
        let root = try XCTUnwrap(XMLNode.parse(headerOnly.html()))
        XCTAssertEqual(root.elements("th").count, 2)
    }

    func testRaggedRowsArePaddedOrCutToTheHeader() throws {
        let table = Table(columns: ["a", "b"], rows: [[.number(1)], [.number(1), .number(2), .number(3)]])
        let root = try XCTUnwrap(XMLNode.parse(table.html()))
        XCTAssertEqual(root.elements("tr").dropFirst().map(\.children.count), [2, 2])
    }

    func testTextWrittenAsMeanStdIsAlignedAsNumbersAre() throws {
        let table = Table(
            columns: ["model", "r2"],
            rows: [[.text("cpg"), .text("0.7443 ± 0.0065")], [.text("sinusoidal"), .text("10.39 ± 0.57")]])
        XCTAssertEqual(
            table.text(),
            """
            model                    r2
            ----------  ---------------
            cpg         0.7443 ± 0.0065
            sinusoidal     10.39 ± 0.57
            """)
        XCTAssertTrue(table.html().contains("text-align:right;padding:2px 10px;white-space:nowrap\">10.39 ± 0.57<"))
        XCTAssertEqual(Table.Cell.text("0.81 ± nan").alignment, .right)
        for text in ["a ± b", "1 ±2", "1 ± 2 ± 3", " ± 1", "1 ± "] {
            XCTAssertEqual(Table.Cell.text(text).alignment, .left, text)
        }
    }

    func testMeanStdRoundsTheMeanToTheStdsPrecision() {
        XCTAssertEqual(Table.Cell.meanStd(mean: 0.91234, std: 0.01345).formatted(digits: 4), "0.912 ± 0.013")
        XCTAssertEqual(Table.Cell.meanStd(mean: 1234.5, std: 12.3).formatted(digits: 4), "1235 ± 12")
        XCTAssertEqual(Table.Cell.meanStd(mean: 2, std: .nan).formatted(digits: 4), "2 ± NaN")
    }
}
