import SpikeEngine
import Synchronization
import XCTest

@testable import SpikeLang

/// Operations that copy a whole tensor (negation, elementwise math, transpose, slices, rows)
/// and slices of lists check the copy against the memory budget first: under RLIMIT_AS each of
/// them aborted the kernel when the session already held most of the limit. Indexing or slicing
/// a string walks it without copying it, so it needs no more than its result.
final class TensorCopyBudgetTests: XCTestCase {
    /// A machine whose available memory the test sets between cells.
    private final class Machine: Sendable {
        private let available = Atomic<Int>(1 << 30)
        func set(_ bytes: Int) { available.store(bytes, ordering: .relaxed) }

        var headroom: MemoryHeadroom {
            MemoryHeadroom(
                readFile: { [self] path in
                    path == "/proc/meminfo" ? "MemAvailable: \(self.available.load(ordering: .relaxed) / 1024) kB\n" : nil
                }, addressSpaceLimit: { nil }, physicalMemory: 64 << 30)
        }
    }

    func testEachWholeTensorCopyIsAResourceErrorAtItsExpressionAndKeepsTheBindings() throws {
        let machine = Machine()
        let session = Session(budget: MemoryBudget(headroom: machine.headroom))
        // t is 24 MB (over the 16 MB from which requests are checked against the headroom).
        XCTAssertNil(
            session.run(
                "t = zeros([6000, 1000])\nr = reshape(t, [1, 6000, 1000])\nl = list(range(3e6))\n"
                    + "s = \"ab\"\nfor i in range(20) { s = s + s }", output: RecordingSink()
            ).failure)
        machine.set(30 << 20)  // now 75% of 30 MB, 22.5 MB, is left for one request
        let limit = Int(Double(30 << 20) * MemoryBudget.liveFraction)
        let cases: [(code: String, bytes: Int, at: SourceLocation)] = [
            ("u = -t", 24_000_000, SourceLocation(line: 1, column: 5)),
            ("u = exp(t)", 24_000_000, SourceLocation(line: 1, column: 5)),
            ("u = abs(t)", 24_000_000, SourceLocation(line: 1, column: 5)),
            ("u = transpose(t)", 24_000_000, SourceLocation(line: 1, column: 5)),
            ("u = t[0:5900]", 23_600_000, SourceLocation(line: 1, column: 5)),
            ("u = r[0]", 24_000_000, SourceLocation(line: 1, column: 7)),
            ("u = l[0:3000000]", 3_000_000 * MemoryLayout<Value>.stride, SourceLocation(line: 1, column: 5))
        ]
        for (code, bytes, start) in cases {
            let diagnostics = session.run(code, output: RecordingSink()).failure?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.problem), [.memoryBudget(requestedBytes: bytes, budgetBytes: limit)], code)
            XCTAssertEqual(diagnostics.first?.range.start, start, code)
            XCTAssertEqual(
                session.run("[t.shape, r.shape]", output: RecordingSink()).result?.plain, "[[6000, 1000], [1, 6000, 1000]]", code)
        }
        XCTAssertEqual(session.run("t[0:5000].shape", output: RecordingSink()).result?.plain, "[5000, 1000]", "a slice within the budget")
        // Once a 64 MB array of the string's characters: now only the one-character result.
        XCTAssertEqual(session.run("[s[1], s[-2], s[0:1]]", output: RecordingSink()).result?.plain, "[\"b\", \"a\", \"a\"]")
    }
}
