import SpikeEngine
import Synchronization
import XCTest

@testable import SpikeLang

/// `print`, `str` and `help` size a value's text before building it: a text over the memory
/// budget is a ResourceError at the call (the session keeps its bindings), and a result shown
/// stays within the display limit even when it is one long string.
final class TextBudgetTests: XCTestCase {
    /// A string of 2¹⁹ bytes ("abcdefgh" doubled 16 times) and a list of ten references to it:
    /// 5.2 MB of text, though the session holds only 0.5 MB.
    private let tenLongStrings = "s = \"abcdefgh\"\nfor i in range(16) { s = s + s }\nl = [s, s, s, s, s, s, s, s, s, s]\n"
    /// The size of `str(l)`, worked out by hand: ten quoted strings, nine ", " and the brackets.
    private let tenLongStringsTextSize = 10 * ((1 << 19) + 2) + 9 * 2 + 2

    private func failure(_ session: Session, _ code: String, sink: RecordingSink = RecordingSink()) -> Diagnostic? {
        session.run(code, output: sink).failure?.diagnostics.first
    }

    private func requestedBytes(_ diagnostic: Diagnostic?) -> Int? {
        guard case .memoryBudget(let requested, _)? = diagnostic?.problem else { return nil }
        return requested
    }

    func testStrOfATextOverTheBudgetIsAResourceErrorAtTheCallAndKeepsTheBindings() throws {
        let session = Session(memoryBudget: 4 << 20)
        XCTAssertNil(failure(session, tenLongStrings + "n = len(l)"))
        let diagnostic = try XCTUnwrap(failure(session, "kept = 1\nt = str(l)"))
        XCTAssertEqual(diagnostic.range, SourceRange(line: 2, column: 5, length: 6))
        let requested = try XCTUnwrap(requestedBytes(diagnostic), "\(diagnostic.problem)")
        // Counting stops at the budget and extrapolates the two strings not counted.
        XCTAssertEqual(Double(requested), Double(tenLongStringsTextSize), accuracy: Double(tenLongStringsTextSize) * 0.01)
        XCTAssertEqual(session.run("[n, kept, len(s)]", output: RecordingSink()).result?.plain, "[10, 1, 524288]")
        XCTAssertEqual(session.run("t", output: RecordingSink()).failure?.name, "NameError", "t was never bound")
    }

    func testStrWithinTheBudgetWritesTheWholeText() {
        let session = Session(memoryBudget: 8 << 20)
        XCTAssertEqual(session.run(tenLongStrings + "len(str(l))", output: RecordingSink()).result?.plain, String(tenLongStringsTextSize))
    }

    func testPrintCountsItsMessageAndPrintsNothingWhenOverTheBudget() throws {
        let session = Session(memoryBudget: 16 << 20)
        XCTAssertNil(failure(session, tenLongStrings))
        let sink = RecordingSink()
        let diagnostic = try XCTUnwrap(failure(session, "print(\"l:\", l)", sink: sink))
        XCTAssertEqual(diagnostic.range, SourceRange(line: 1, column: 1, length: 14))
        let text = tenLongStringsTextSize + "l: ".utf8.count + 1
        let requested = try XCTUnwrap(requestedBytes(diagnostic), "\(diagnostic.problem)")
        XCTAssertEqual(Double(requested), Double(text * ValueText.printedBytesPerByte), accuracy: Double(text) * 0.1)
        XCTAssertEqual(sink.events, [])
        let printed = RecordingSink()
        XCTAssertNil(failure(session, "print(\"s:\", s)", sink: printed))
        XCTAssertEqual(printed.stdout.utf8.count, (1 << 19) + "s: \n".utf8.count)
    }

    func testSmallTextsAreCheckedWithoutReadingTheSystemsLimits() {
        final class Reads: Sendable {
            private let count = Atomic<Int>(0)
            func add() { count.add(1, ordering: .relaxed) }
            var total: Int { count.load(ordering: .relaxed) }
        }
        let reads = Reads()
        let headroom = MemoryHeadroom(
            readFile: { _ in
                reads.add()
                return nil
            }, addressSpaceLimit: { nil }, physicalMemory: 1 << 30)
        let session = Session(budget: MemoryBudget(headroom: headroom))
        let sink = RecordingSink()
        XCTAssertNil(session.run("for i in range(100) { print(\"i =\", str(i)) }", output: sink).failure)
        XCTAssertEqual(reads.total, 0, "a print in a loop must not read /proc each time")
        XCTAssertTrue(sink.stdout.hasSuffix("i = 99\n"))
        XCTAssertNil(session.run(tenLongStrings + "print(l)", output: RecordingSink()).failure)
        XCTAssertGreaterThan(reads.total, 0, "a text of 16 MB or more is checked against the live headroom")
    }

    func testAValueSharingOneListExponentiallyOftenIsRefusedQuicklyByStr() throws {
        let session = Session(memoryBudget: 1 << 20)
        let diagnostic = try XCTUnwrap(failure(session, "x = [1]\nfor i in range(60) { x = [x, x] }\nstr(x)"))
        XCTAssertGreaterThan(try XCTUnwrap(requestedBytes(diagnostic)), 1 << 20)
        XCTAssertEqual(session.run("len(x)", output: RecordingSink()).result?.plain, "2")
    }

    func testALongStringResultIsCutAtTheDisplayLimit() {
        let session = Session(memoryBudget: 64 << 20)
        let shown = session.run("s = \"ab\\n\"\nfor i in range(20) { s = s + s }\ns", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("\"ab\\nab\\n"), String(shown.prefix(20)))
        XCTAssertTrue(
            shown.hasSuffix("ab\\n…") || shown.hasSuffix("a…") || shown.hasSuffix("b…") || shown.hasSuffix("\\n…"),
            String(shown.suffix(20)))
        XCTAssertLessThanOrEqual(shown.utf8.count, ValueText.displayLimit + 8)
    }

    func testHelpOfALargeValueStopsAtTheDisplayLimit() {
        let session = Session()
        let help = RecordingSink()
        _ = session.run("help(list(range(1e6)))", output: help)
        XCTAssertTrue(help.stdout.hasPrefix("a list: [0, 1, 2"), String(help.stdout.prefix(40)))
        XCTAssertLessThanOrEqual(help.stdout.utf8.count, ValueText.displayLimit + 40)
    }

    /// The counted size equals the size of the text built (the oracle), for every kind of
    /// container, escapes and multi-byte characters.
    func testTheCountedSizeIsTheSizeOfTheText() {
        let values: [Value] = [
            .number(3), .number(0.1), .string("plain"), .string("tab\tquote\"back\\slash\nbell\u{7}é中🙂"),
            .list(ValueList([.number(1), .string("two"), .none, .boolean(true)])),
            .record(
                Record([Record.Field(name: "a", value: .number(1)), Record.Field(name: "not an identifier", value: .list(ValueList([])))]))
        ]
        for value in values {
            for quoting in [true, false] {
                XCTAssertEqual(
                    ValueText.size(of: value, quotingStrings: quoting, cap: .max),
                    ValueText.text(of: value, quotingStrings: quoting).utf8.count, "\(value)")
            }
        }
    }
}
