import Foundation
import XCTest

@testable import SpikeLang

/// `load_csv` needs files on disk, so it is tested here rather than in a golden file; the rest
/// of the data library is covered by Golden/data.spk.
final class DataLibraryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("spike-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func run(_ code: String) -> CellOutcome {
        Session().run(code, output: RecordingSink())
    }

    func testLoadCSVKeepsTheChosenColumnsAndLabelsRowsByTheTimeColumn() throws {
        let path = try file("flows.csv", "day,north,south,note\nmon,1,10,a\ntue,,20,b\nwed,3,30,c\n")
        let outcome = run(
            """
            f = load_csv("\(path)", columns=["south", "north"], time_column="day")
            print(f.columns, f.time, f.missing)
            tolist(f.values)
            """)
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "[[10, 1], [20, 2], [30, 3]]")
        let all = run("load_csv(\"\(path)\")")
        XCTAssertEqual(all.result?.plain, "series \"flows\": 3 steps × 2 variates (north, south); 1 missing, interpolate")
    }

    func testAMalformedRowIsAValueErrorNamingItsLineAndColumnAtThePathArgument() throws {
        let path = try file("bad.csv", "a,b\n1,2\n3,oops\n")
        let outcome = run("load_csv(\"\(path)\")")
        XCTAssertEqual(outcome.failure?.name, "ValueError")
        XCTAssertEqual(
            outcome.failure?.diagnostics.map(\.summary),
            ["ValueError at 1:10: load_csv(): 'path' has a bad row: line 3, column 2: 'oops' is not a number"])
    }

    func testAnUnknownColumnListsTheValidOnesAtTheColumnsArgument() throws {
        let path = try file("two.csv", "a,b\n1,2\n")
        let outcome = run("load_csv(\"\(path)\", columns=\"z\")")
        XCTAssertEqual(
            outcome.failure?.diagnostics.map(\.summary).first?.hasSuffix(
                "load_csv(): 'columns' names no column \"z\"; the columns are \"a\", \"b\""), true)
    }

    func testMissingValuesCanBeRefused() throws {
        let path = try file("gap.csv", "a,b\n1,2\n,3\n")
        let outcome = run("load_csv(\"\(path)\", missing=\"error\")")
        XCTAssertEqual(outcome.failure?.message.hasSuffix("'path' has a missing value at line 3 in \"a\" (missing=\"error\")"), true)
    }

    func testASeriesShowsASummaryTableAndAPreviewPlot() throws {
        let rendering = try XCTUnwrap(run("dataset(\"electricity\")").result)
        XCTAssertEqual(rendering.plain, "series \"electricity\": 4032 steps × 1 variate (demand_mw)")
        let svg = try XCTUnwrap(rendering.svg)
        XCTAssertTrue(svg.hasPrefix("<svg"))
        let html = try XCTUnwrap(rendering.html)
        XCTAssertTrue(html.contains("<table"))
        XCTAssertTrue(html.contains("demand_mw"))
        XCTAssertTrue(html.contains("<img src=\"data:image/svg+xml;base64,"), "the preview travels as an image")
    }

    func testTheCatalogIsATableWithOneRowPerDataSet() throws {
        let rendering = try XCTUnwrap(run("datasets()").result)
        let lines = rendering.plain.split(separator: "\n")
        XCTAssertEqual(lines.first, "Bundled data sets")
        for name in ["electricity", "sunspots", "co2", "digits", "traffic", "sines"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix(name + " ") }, name)
        }
        XCTAssertNotNil(rendering.html)
    }

    func testDataMembersAreOfferedForCompletion() {
        let session = Session()
        _ = session.run("d = windows(synthetic(kind=\"sines\", length=200, variates=2))", output: RecordingSink())
        let completion = session.complete("d.tr", cursor: 4)
        XCTAssertEqual(completion.matches, ["train"])
    }
}
