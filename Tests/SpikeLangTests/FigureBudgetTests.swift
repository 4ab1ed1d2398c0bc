import SpikeEngine
import XCTest

@testable import SpikeLang

/// `heatmap` and `raster` count the cells they will read and check what that costs against
/// the memory budget before converting anything; the session keeps its bindings.
final class FigureBudgetTests: XCTestCase {
    private func diagnostic(_ session: Session, _ code: String) -> Diagnostic? {
        session.run(code, output: RecordingSink()).failure?.diagnostics.first
    }

    func testHeatmapAndRasterCheckTheirCellsAtTheCall() {
        for (builtin, bytesEach) in [("heatmap", FigureBuilder.bytesPerHeatmapCell), ("raster", FigureBuilder.bytesPerRasterCell)] {
            // The budget fits a 1000 × 1000 matrix exactly, and not one column more.
            let budget = 1000 * 1000 * bytesEach
            let session = Session(memoryBudget: budget)
            XCTAssertNil(diagnostic(session, "m = ones([1000, 1001])\nsmall = \(builtin)(ones([1000, 1000]))"), builtin)
            XCTAssertEqual(
                diagnostic(session, "f = \(builtin)(m, title=\"big\")"),
                Diagnostic(
                    .memoryBudget(requestedBytes: 1000 * 1001 * bytesEach, budgetBytes: budget),
                    at: SourceRange(line: 1, column: 5, length: builtin.count + 16)), builtin)
            XCTAssertEqual(session.run("[m.shape, f]", output: RecordingSink()).failure?.name, "NameError", "f was never bound")
            XCTAssertEqual(session.run("m.shape", output: RecordingSink()).result?.plain, "[1000, 1001]", builtin)
            XCTAssertEqual(session.run("small", output: RecordingSink()).result?.svg?.contains("<svg"), true, builtin)
        }
    }

    func testHeatmapOfAListOfRowsCountsEveryRow() {
        let session = Session(memoryBudget: 1 << 20)
        XCTAssertNil(diagnostic(session, "row = tolist(zeros([1000]))\nrows = [row]\nfor i in range(8) { rows = rows + rows }"))
        XCTAssertEqual(
            diagnostic(session, "heatmap(rows)")?.problem,
            .memoryBudget(requestedBytes: 256 * 1000 * FigureBuilder.bytesPerHeatmapCell, budgetBytes: 1 << 20))
    }
}
