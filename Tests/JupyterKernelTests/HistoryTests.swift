import JupyterWire
import KernelTestSupport
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

final class HistoryBoundsTests: XCTestCase {
    private let limits = HistoryStore.Limits(textBytes: 10, totalBytes: 40, entries: 3)

    func testALongTextKeepsItsBeginningCutOnACharacterAndSaysHowLongItWas() {
        XCTAssertEqual(HistoryStore.shortened("short", to: 10), "short")
        XCTAssertEqual(HistoryStore.shortened("0123456789", to: 10), "0123456789")
        XCTAssertEqual(
            HistoryStore.shortened("0123456789ab", to: 10), "0123456789\n… [history kept the first 10 of 12 bytes]")
        // "é" is two bytes, "😀" four: the cut never splits a character
        XCTAssertEqual(
            HistoryStore.shortened("éééééé", to: 5), "éé\n… [history kept the first 5 of 12 bytes]")
        XCTAssertEqual(HistoryStore.shortened("a😀b", to: 3), "a\n… [history kept the first 3 of 6 bytes]")
    }

    func testTheOldestEntriesAreDroppedPastTheEntryLimit() {
        var store = HistoryStore(limits: limits)
        for line in 1...5 { store.record(line: line, input: "c\(line)", output: nil) }
        XCTAssertEqual(store.entries.map(\.line), [3, 4, 5])
        XCTAssertEqual(store.query(.tail(count: 2)).map(\.line), [4, 5])
        XCTAssertEqual(store.query(.range(session: 0, start: 1, stop: 4)).map(\.line), [3])
    }

    func testTheOldestEntriesAreDroppedPastTheByteLimitAndTheCountStaysExact() {
        var store = HistoryStore(limits: HistoryStore.Limits(textBytes: 10, totalBytes: 25, entries: 100))
        store.record(line: 1, input: "aaaaaaaaaa", output: nil)  // 10 bytes
        store.record(line: 2, input: "bbbbbbbbbb", output: "12345")  // 15
        XCTAssertEqual(store.entries.map(\.line), [1, 2])
        XCTAssertEqual(store.textBytes, 25)
        store.record(line: 3, input: "c", output: nil)
        XCTAssertEqual(store.entries.map(\.line), [2, 3])
        XCTAssertEqual(store.textBytes, 16)
        XCTAssertEqual(store.query(.search(pattern: "b*", count: nil, unique: false)).map(\.output), ["12345"])
    }

    func testOneHugeCellCostsOnlyItsShortenedCopy() {
        var store = HistoryStore()
        let huge = String(repeating: "x = 1\n", count: 2_000_000)  // 12 MB
        store.record(line: 1, input: huge, output: huge)
        let kept = store.entries.first
        XCTAssertLessThanOrEqual(store.textBytes, 2 * (HistoryStore.Limits.standard.textBytes + 100))
        XCTAssertTrue(kept?.input.hasPrefix("x = 1\nx = 1\n") ?? false)
        XCTAssertTrue(kept?.input.hasSuffix("[history kept the first 262144 of 12000000 bytes]") ?? false)
        XCTAssertEqual(store.query(.tail(count: 1)).map(\.line), [1])
    }

    func testAKernelStoresAHugeCellShortenedAndAnswersHistoryFromIt() {
        let harness = KernelHarness()
        let huge = "result " + String(repeating: "y", count: 1_000_000)
        harness.serve([harness.execute(huge), harness.execute("result small")])
        let reply = harness.replyContent(to: harness.request("history_request", ["hist_access_type": "tail", "n": 2]))
        let inputs = reply["history"]?.arrayValue?.compactMap { $0.arrayValue?[2].stringValue } ?? []
        XCTAssertEqual(inputs.count, 2)
        let note = "\n… [history kept the first 262144 of 1000007 bytes]"
        XCTAssertEqual(inputs.first, "result " + String(repeating: "y", count: 262_144 - 7) + note)
        XCTAssertEqual(inputs.last, "result small")
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
            ("?", "😀", true), ("a*", "A", false)
        ]
        for (pattern, text, expected) in cases {
            XCTAssertEqual(GlobPattern(pattern).matches(text), expected, "\(pattern) vs \(text)")
        }
    }
}
