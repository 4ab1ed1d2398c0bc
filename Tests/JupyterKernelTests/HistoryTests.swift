import JupyterWire
import XCTest

@testable import JupyterKernel

final class HistoryTests: XCTestCase {
    private func harnessWithCells(_ cells: [String]) -> KernelHarness {
        let harness = KernelHarness()
        harness.serve(cells.map { harness.execute($0) })
        return harness
    }

    private func history(_ harness: KernelHarness, _ content: JSONValue) -> JSONValue? {
        harness.replyContent(to: harness.request("history_request", content))["history"]
    }

    func testTailReturnsTheLastNInputsWithSessionAndLine() {
        let harness = harnessWithCells(["result a", "result b", "result c"])
        XCTAssertEqual(
            history(harness, ["hist_access_type": "tail", "n": 2]), [[1, 2, "result b"], [1, 3, "result c"]])
        XCTAssertEqual(
            history(harness, ["hist_access_type": "tail", "n": 1, "output": true]),
            [[1, 3, ["result c", "c"]]]
        )
    }

    func testSearchMatchesGlobsAndUniqueKeepsEachInputOnce() {
        let harness = harnessWithCells(["print a", "print b", "print a", "result x", "print a"])
        XCTAssertEqual(
            history(harness, ["hist_access_type": "search", "pattern": "print*"]),
            [[1, 1, "print a"], [1, 2, "print b"], [1, 3, "print a"], [1, 5, "print a"]]
        )
        XCTAssertEqual(
            history(harness, ["hist_access_type": "search", "pattern": "print a", "unique": true]),
            [[1, 5, "print a"]]
        )
        XCTAssertEqual(
            history(harness, ["hist_access_type": "search", "pattern": "print ?", "unique": true]),
            [[1, 2, "print b"], [1, 5, "print a"]]
        )
        XCTAssertEqual(
            history(harness, ["hist_access_type": "search", "pattern": "print*", "n": 3])?.arrayValue?.count, 3)
        XCTAssertEqual(history(harness, ["hist_access_type": "search", "pattern": "*[xy]"]), [[1, 4, "result x"]])
    }

    func testRangeReturnsLinesStartToStopOfTheCurrentSession() {
        let harness = harnessWithCells(["result a", "result b", "result c"])
        XCTAssertEqual(
            history(harness, ["hist_access_type": "range", "session": 1, "start": 2, "stop": 3]), [[1, 2, "result b"]])
        XCTAssertEqual(
            history(harness, ["hist_access_type": "range", "session": 0, "start": 2]),
            [[1, 2, "result b"], [1, 3, "result c"]])
        XCTAssertEqual(history(harness, ["hist_access_type": "range", "session": 7, "start": 1]), [])
    }

    func testAnInvalidAccessTypeGetsAnErrorReply() {
        let harness = KernelHarness()
        let reply = harness.replyContent(to: harness.request("history_request", ["hist_access_type": "all"]))
        XCTAssertEqual(reply["status"], "error")
        XCTAssertEqual(reply["ename"], "InvalidRequest")
    }
}

final class GlobPatternTests: XCTestCase {
    func testGlobSemanticsMatchFnmatch() {
        // Expected values from Python: fnmatch.fnmatchcase(text, pattern).
        let cases: [(String, String, Bool)] = [
            ("*", "", true), ("*", "anything", true), ("a*", "abc", true), ("a*", "bac", false),
            ("*c", "abc", true), ("a?c", "abc", true), ("a?c", "ac", false), ("[ab]x", "bx", true),
            ("[!ab]x", "bx", false), ("[!ab]x", "cx", true), ("[a-c]", "b", true), ("[a-c]", "d", false),
            ("*a*b*", "xxaxxbxx", true), ("*a*b*", "xxbxxaxx", false), ("[", "[", true), ("[]]", "]", true),
            ("?", "😀", true), ("a*", "A", false),
        ]
        for (pattern, text, expected) in cases {
            XCTAssertEqual(GlobPattern(pattern).matches(text), expected, "\(pattern) vs \(text)")
        }
    }
}
