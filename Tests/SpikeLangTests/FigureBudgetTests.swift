import SpikeEngine
import XCTest
@testable import SpikeLang

/// `heatmap` and `raster` count the cells they will read and check what that costs against
/// the memory budget before converting anything; the session keeps its bindings.
final class FigureBudgetTests: XCTestCase {
    private func diagnostic(_ session: Session, _ code: String) -> Diagnostic? {
        session.run(code, output: RecordingSink()).failure?.diagnostics.first
    }

    func testHeatmapChecksItsCellsAtTheCall() {
        let session = Session(memoryBudget: 8_000_000)
        XCTAssertNil(diagnostic(session, "m = zeros([1000, 1001])\nsmall = heatmap(zeros([1000, 1000]))"))
        XCTAssertEqual(diagnostic(session, "h = heatmap(m)"),
                       Diagnostic(.memoryBudget(requestedBytes: 1000 * 1001 * FigureBuilder.bytesPerHeatmapCell, budgetBytes: 8_000_000),
                                  at: SourceRange(line: 1, column: 5, length: 10)))
        XCTAssertEqual(session.run("[m.shape, small]", output: RecordingSink()).result?.plain.hasPrefix("[[1000, 1001], Heatmap"), true)
    }

    func testHeatmapOfAListOfRowsCountsEveryRow() {
        let session = Session(memoryBudget: 1 << 20)
        XCTAssertNil(diagnostic(session, "row = tolist(zeros([1000]))\nrows = [row]\nfor i in range(8) { rows = rows + rows }"))
        XCTAssertEqual(diagnostic(session, "heatmap(rows)")?.problem,
                       .memoryBudget(requestedBytes: 256 * 1000 * FigureBuilder.bytesPerHeatmapCell, budgetBytes: 1 << 20))
    }

    func testRasterChecksItsCellsAtTheCall() {
        let session = Session(memoryBudget: 16_000_000)
        XCTAssertNil(diagnostic(session, "s = ones([1000, 1001])\nsmall = raster(ones([1000, 1000]))"))
        XCTAssertEqual(diagnostic(session, "raster(s, title=\"big\")"),
                       Diagnostic(.memoryBudget(requestedBytes: 1000 * 1001 * FigureBuilder.bytesPerRasterCell, budgetBytes: 16_000_000),
                                  at: SourceRange(line: 1, column: 1, length: 22)))
        XCTAssertEqual(session.run("s.shape", output: RecordingSink()).result?.plain, "[1000, 1001]")
    }
}
