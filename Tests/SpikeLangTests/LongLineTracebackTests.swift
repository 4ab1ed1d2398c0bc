import XCTest

@testable import SpikeLang

/// An error in a very long line is shown as a window of `SourceLines.excerptWidth` code points
/// around the culprit, with `…` where the line was cut and the caret still under the culprit,
/// so a failed (or interrupted) megabyte-long cell answers with a short message at once.
final class LongLineTracebackTests: XCTestCase {
    /// `[0, 1, …, nope, …]`: a list literal of `count` numbers with a missing name at `position`.
    private func listCell(count: Int, missingAt position: Int) -> (cell: String, column: Int) {
        let before = "x = [" + (0..<position).map { "\($0), " }.joined()
        let after = (position..<count).map { ", \($0)" }.joined() + "]"
        return (before + "nope" + after, before.unicodeScalars.count + 1)
    }

    private func assertCaretUnderTheCulprit(_ traceback: [String]?, line: UInt = #line) {
        guard let traceback, traceback.count == 3 else { return XCTFail("no traceback: \(String(describing: traceback))", line: line) }
        let shown = Array(traceback[1].unicodeScalars)
        let caret = Array(traceback[2].unicodeScalars)
        guard let column = caret.firstIndex(of: "^") else { return XCTFail("no caret", line: line) }
        XCTAssertEqual(String(String.UnicodeScalarView(shown[column..<column + 4])), "nope", line: line)
        XCTAssertEqual(caret.filter { $0 == "^" }.count, 4, line: line)
    }

    func testAnErrorInTheMiddleOfALongLineShowsAWindowCutAtBothEnds() {
        let (cell, column) = listCell(count: 3_000, missingAt: 1_500)
        let failure = Session().run(cell, output: RecordingSink()).failure
        XCTAssertEqual(failure?.message, "at 1:\(column): name 'nope' is not defined")
        XCTAssertEqual(failure?.traceback[1].hasPrefix("1 | …"), true)
        XCTAssertEqual(failure?.traceback[1].hasSuffix("…"), true)
        XCTAssertEqual(failure?.traceback[1].unicodeScalars.count, "1 | ".count + SourceLines.excerptWidth + 2)
        assertCaretUnderTheCulprit(failure?.traceback)
    }

    func testAnErrorNearEitherEndOfALongLineIsCutOnlyOnTheOtherSide() {
        let early = Session().run(listCell(count: 3_000, missingAt: 3).cell, output: RecordingSink()).failure
        XCTAssertEqual(early?.traceback[1].hasPrefix("1 | x = [0, 1, 2, nope"), true)
        XCTAssertEqual(early?.traceback[1].hasSuffix("…"), true)
        assertCaretUnderTheCulprit(early?.traceback)
        let late = Session().run(listCell(count: 3_000, missingAt: 2_999).cell, output: RecordingSink()).failure
        XCTAssertEqual(late?.traceback[1].hasPrefix("1 | …"), true)
        XCTAssertEqual(late?.traceback[1].hasSuffix("nope, 2999]"), true)
        assertCaretUnderTheCulprit(late?.traceback)
    }

    func testALineOfExactlyTheWindowsWidthIsShownWhole() {
        let padding = String(repeating: " ", count: SourceLines.excerptWidth - "nope".count)
        let failure = Session().run("nope" + padding, output: RecordingSink()).failure
        XCTAssertEqual(
            failure?.traceback,
            [
                "NameError at 1:1: name 'nope' is not defined", "1 | nope" + padding, "  | ^^^^"
            ])
    }

    func testAnInterruptedHugeCellAnswersWithAShortTraceback() {
        let cell = listCell(count: 200_000, missingAt: 0).cell
        let failure = Session().run(cell, output: RecordingSink(cancelAfterPolls: 2)).failure
        XCTAssertEqual(failure?.name, "Interrupted")
        XCTAssertLessThan(failure?.traceback.joined().unicodeScalars.count ?? .max, 3 * SourceLines.excerptWidth)
    }

    func testSourceLinesSplitAtEveryNewlineAndDropACarriageReturnBeforeIt() {
        XCTAssertEqual(SourceLines.of("a\r\nb\n\nc\r"), ["a", "b", "", "c"])
        XCTAssertEqual(SourceLines.of("é = \"😀\"\r\n\u{301}x\n"), ["é = \"😀\"", "\u{301}x", ""])
        XCTAssertEqual(SourceLines.of(""), [""])
    }
}
