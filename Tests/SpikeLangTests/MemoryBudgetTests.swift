import SpikeEngine
import XCTest

@testable import SpikeLang

/// Each allocating builtin checks the budget for what it really peaks at, before allocating,
/// and a result shown stays small whatever the value's size.
final class MemoryBudgetTests: XCTestCase {
    /// The problem of the cell's failure, if any.
    private func problem(_ session: Session, _ code: String) -> Problem? {
        session.run(code, output: RecordingSink()).failure?.diagnostics.first?.problem
    }

    func testSimulateCountsTheBytesOfAShownTraceForEachStep() {
        let session = Session(memoryBudget: 84_000)
        XCTAssertNil(problem(session, "simulate(lif(), input=1.2, steps=1000)"))
        XCTAssertEqual(
            problem(session, "simulate(lif(), input=1.2, steps=1001)"),
            .memoryBudget(requestedBytes: 84_084, budgetBytes: 84_000))
    }

    func testPlotCountsItsPointsBeforeConvertingThem() {
        let session = Session(memoryBudget: 96_000)
        XCTAssertNil(problem(session, "t = randn([1001])\nplot(randn([1000]))"))
        XCTAssertEqual(problem(session, "plot(t)"), .memoryBudget(requestedBytes: 96_096, budgetBytes: 96_000))
        XCTAssertEqual(problem(session, "plot({a: t, b: [1, 2]})"), .memoryBudget(requestedBytes: 96_288, budgetBytes: 96_000))
        XCTAssertEqual(problem(session, "scatter(t, t)"), .memoryBudget(requestedBytes: 96_096, budgetBytes: 96_000))
    }

    func testBroadcastingChecksTheSizeOfTheResult() {
        let session = Session(memoryBudget: 1 << 20)
        XCTAssertNil(problem(session, "a = zeros([1000, 1])\nb = zeros([1, 1000])"))
        XCTAssertEqual(problem(session, "a + b"), .memoryBudget(requestedBytes: 4_000_000, budgetBytes: 1 << 20))
        XCTAssertEqual(session.run("(a + 1).shape", output: RecordingSink()).result?.plain, "[1000, 1]")
    }

    func testAListTooLargeForMemoryIsRefusedBeforeAllocating() {
        let session = Session()
        guard case .memoryBudget(let requested, _)? = problem(session, "list(range(1e15))") else {
            return XCTFail("list(range(1e15)) was not refused")
        }
        XCTAssertEqual(requested, 24 * 1_000_000_000_000_000, "24 bytes an item")
    }

    func testAListItemTakesAtMost24Bytes() {
        // Large payloads are boxed: before, every item took the 256 bytes of the largest.
        XCTAssertLessThanOrEqual(MemoryLayout<Value>.stride, 24)
    }

    func testAResultShownStopsAtTheDisplayLimit() {
        let session = Session()
        let shown = session.run("list(range(1e6))", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("[0, 1, 2, "), String(shown.prefix(20)))
        XCTAssertTrue(shown.hasSuffix("…"), String(shown.suffix(20)))
        XCTAssertLessThanOrEqual(shown.utf8.count, ValueText.displayLimit + 20)
        XCTAssertEqual(
            session.run("len(str(list(range(1e5))))", output: RecordingSink()).result?.plain, "688890",
            "str() still writes every item")
    }

    func testAValueSharingOneListExponentiallyOftenShowsInBoundedTime() {
        let session = Session()
        let shown = session.run("x = [1]\nfor i in range(60) { x = [x, x] }\nx", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("[[[[") && shown.hasSuffix("…"), String(shown.prefix(20)))
        XCTAssertEqual(session.run("%who", output: RecordingSink()).failure?.name, nil)
    }

    func testAShortValueIsShownWhole() {
        XCTAssertEqual(Session().run("[1, [2, {a: \"b\"}], none]", output: RecordingSink()).result?.plain, "[1, [2, {a: \"b\"}], none]")
    }
}
