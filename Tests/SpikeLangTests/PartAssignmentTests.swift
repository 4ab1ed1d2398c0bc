import Foundation
import SpikeEngine
import Synchronization
import XCTest

@testable import SpikeLang

/// Assignment to parts (`xs[i] = v`, `r.name = v`, `t[i] = v`): the syntax trees it parses to,
/// that it changes a container in place when nothing else shares it (and copies it once when
/// something does), and that the copy of a shared container counts against the memory budget.
final class PartAssignmentTests: XCTestCase {
    private func run(_ session: Session, _ code: String, file: StaticString = #filePath, line: UInt = #line) -> CellOutcome {
        let outcome = session.run(code, output: RecordingSink())
        XCTAssertNil(outcome.failure?.diagnostics.first?.summary, file: file, line: line)
        return outcome
    }

    /// The storage object of the list bound to `name`.
    private func listStorage(_ session: Session, _ name: String) -> ObjectIdentifier? {
        guard case .list(let list)? = session.globals.bindings[name] else { return nil }
        return ObjectIdentifier(list.storage)
    }

    func testPartTargetsParseAsANameAndItsSteps() {
        XCTAssertEqual(SExpression.parse("xs[i] = 1"), "(= xs[i] 1)")
        XCTAssertEqual(SExpression.parse("r.runs[0].loss = x + 1"), "(= r.runs[0].loss (+ x 1))")
        XCTAssertEqual(SExpression.parse("r[\"run\" + str(i)] =\n  2"), "(= r[(+ \"run\" (call str i))] 2)")
        XCTAssertEqual(SExpression.parse("grid[i][j] = 0"), "(= grid[i][j] 0)")
    }

    func testTargetsThatAreNotANameWithPartsAreSyntaxErrors() {
        let message = "only a name, an item or a field can be assigned to (name = v, xs[i] = v, r.name = v)"
        for code in ["f(x).a = 1", "xs[1:2] = [1]", "[1][0] = 2", "(x) = 1", "x + 1 = 2"] {
            XCTAssertEqual(SExpression.parse(code), "SyntaxError at 1:1: " + message, code)
        }
    }

    func testAnItemAssignedInALoopChangesTheListInPlace() {
        let session = Session()
        _ = run(session, "xs = list(0..100000)")
        let before = listStorage(session, "xs")
        let started = Date()
        _ = run(session, "for i in 0..100000 {\n  xs[i] = xs[i] * 2\n}")
        let seconds = Date().timeIntervalSince(started)
        print("100,000 item assignments on a 100,000-item list: \(String(format: "%.3f", seconds)) s")
        XCTAssertEqual(listStorage(session, "xs"), before, "the list was copied")
        XCTAssertEqual(run(session, "[xs[0], xs[1], xs[99999], sum(xs)]").result?.plain, "[0, 2, 199998, 9999900000]")
    }

    func testAListSharedWithAnotherNameIsCopiedOnceThenChangedInPlace() {
        let session = Session()
        _ = run(session, "xs = [1, 2, 3]\nys = xs")
        XCTAssertEqual(listStorage(session, "xs"), listStorage(session, "ys"))
        _ = run(session, "ys[0] = 9")
        let copied = listStorage(session, "ys")
        XCTAssertNotEqual(copied, listStorage(session, "xs"))
        _ = run(session, "ys[1] = 8")
        XCTAssertEqual(listStorage(session, "ys"), copied)
        XCTAssertEqual(run(session, "[xs, ys]").result?.plain, "[[1, 2, 3], [9, 8, 3]]")
    }

    func testANestedListChangesInPlace() {
        let session = Session()
        _ = run(session, "grid = [list(0..3), list(0..3)]")
        // Identifiers only: a reference held here would make the storage shared.
        func storages() -> [ObjectIdentifier] {
            guard case .list(let grid)? = session.globals.bindings["grid"], case .list(let row) = grid[1] else { return [] }
            return [ObjectIdentifier(grid.storage), ObjectIdentifier(row.storage)]
        }
        let before = storages()
        _ = run(session, "grid[1][2] = 7")
        XCTAssertEqual(storages(), before)
        XCTAssertEqual(run(session, "grid").result?.plain, "[[0, 1, 2], [0, 1, 7]]")
    }

    func testATensorElementChangesInPlace() {
        let session = Session()
        _ = run(session, "t = zeros([1000])")
        func address() -> UnsafeRawPointer? {
            guard case .tensor(let tensor)? = session.globals.bindings["t"] else { return nil }
            return tensor.scalars.withUnsafeBytes { UnsafeRawPointer($0.baseAddress) }
        }
        let before = address()
        // Checked after each cell: a copy freed later could make a later copy reuse the address.
        for code in ["t[0] = 5", "t[-1] = 999", "for i in 0..1000 {\n  t[i] = i\n}"] {
            _ = run(session, code)
            XCTAssertEqual(address(), before, "the scalars were copied by \(code)")
        }
        XCTAssertEqual(run(session, "[t[0], t[999], sum(tolist(t))]").result?.plain, "[0, 999, 499500]")
    }

    func testARecordFieldChangesInPlaceAndANewOneIsAppended() {
        let session = Session()
        _ = run(session, "r = {a: 1}")
        func storage() -> ObjectIdentifier? {
            guard case .record(let record)? = session.globals.bindings["r"] else { return nil }
            return ObjectIdentifier(record.storage)
        }
        let before = storage()
        for code in ["r.a = 2", "r[\"b\"] = 3"] {
            _ = run(session, code)
            XCTAssertEqual(storage(), before, code)
        }
        XCTAssertEqual(run(session, "r").result?.plain, "{a: 2, b: 3}")
    }

    func testCopyingASharedListCountsAgainstTheBudget() {
        let available = Mutex(1 << 30)
        let headroom = MemoryHeadroom(
            readFile: { path in path == "/proc/meminfo" ? "MemAvailable: \(available.withLock { $0 } / 1024) kB\n" : nil },
            addressSpaceLimit: { nil }, physicalMemory: 64 << 30)
        let session = Session(budget: MemoryBudget(headroom: headroom))
        // 24 MB of items, over the 16 MB from which requests are checked against the headroom.
        _ = run(session, "xs = list(0..1000000)\nys = xs")
        available.withLock { $0 = 20 << 20 }
        let outcome = session.run("ys[0] = 1", output: RecordingSink())
        let limit = Int(Double(20 << 20) * MemoryBudget.liveFraction)
        XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .memoryBudget(requestedBytes: 24_000_000, budgetBytes: limit))
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 4))
        available.withLock { $0 = 1 << 30 }
        XCTAssertEqual(run(session, "[xs[0], ys[0]]").result?.plain, "[0, 0]", "the failed copy changed nothing")
    }

    func testAFailedAssignmentLeavesTheBindingAsItWas() {
        let session = Session()
        _ = run(session, "xs = [[1, 2], [3]]")
        let storage = listStorage(session, "xs")
        let outcome = session.run("xs[1][5] = 0", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .indexOutOfRange(index: 5, count: 1))
        XCTAssertEqual(listStorage(session, "xs"), storage)
        XCTAssertEqual(run(session, "xs").result?.plain, "[[1, 2], [3]]")
    }

    func testAPartAssignmentInAFunctionChangesALocalNotTheCallersValue() {
        let session = Session()
        _ = run(session, "fn bump(xs) {\n  xs[0] = xs[0] + 1\n  xs\n}\nys = [1]")
        XCTAssertEqual(run(session, "[bump(ys), bump(bump(ys)), ys]").result?.plain, "[[2], [3], [1]]")
    }
}
