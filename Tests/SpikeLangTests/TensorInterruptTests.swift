import XCTest

@testable import SpikeLang

/// Tensor arithmetic and comparisons, unary math, reductions, slices and subscripts, `where`,
/// `any`, `all`, the matrix product (between blocks of rows) and row-by-row iteration poll the
/// interrupt flag in chunks (or per row): an interrupt raised while one runs ends the cell as
/// `Interrupted` at the operation's first poll, binds nothing, and keeps the session's bindings.
final class TensorInterruptTests: XCTestCase {
    /// Five 65,536-element chunks and a bit (and a product of five 64-row GEMM blocks): every
    /// operation below polls at least five times.
    private static let setup = """
        a = zeros([327697])
        m = zeros([46814, 7])
        c = zeros([46814, 1])
        q = zeros([40963, 8])
        v = ones([7])
        o = ones([327697])
        p = ones([320, 1024])
        w = ones([1024, 1024])
        """

    /// Each cell and how often it polls before its engine call starts: once after parsing and
    /// once after checking, plus once for a builtin call.
    private let cells: [(cell: String, pollsBefore: Int)] = [
        ("big = a + a", 2), ("big = a * 2", 2), ("big = 2 - a", 2), ("big = a / a", 2),
        ("big = m + v", 2), ("big = c + v", 2), ("big = -a", 2),
        ("big = exp(a)", 3), ("big = sqrt(a)", 3),
        ("big = sum(a)", 3), ("big = max(a)", 3), ("big = mean(m, axis=1)", 3), ("big = min(m, axis=0)", 3),
        ("big = sum(q, axis=0)", 3),
        ("big = a[1:]", 2), ("big = m[1:]", 2), ("big = list(a)", 3),
        ("big = a > 0", 2), ("big = a == a", 2), ("big = 1 != a", 2), ("big = q <= q[0]", 2),
        ("big = where(a, a, 1)", 3), ("big = any(a)", 3), ("big = all(o)", 3), ("big = q[:, 1:]", 2),
        ("big = q[1:, :3]", 2), ("big = p @ w", 2)
    ]

    func testAnInterruptDuringALongTensorOperationEndsTheCellAtItsFirstPoll() {
        let session = Session()
        XCTAssertNil(session.run(Self.setup, output: RecordingSink()).failure)
        for (cell, pollsBefore) in cells {
            let sink = RecordingSink(cancelAfterPolls: pollsBefore)
            let outcome = session.run(cell, output: sink)
            XCTAssertEqual(outcome.failure?.name, "Interrupted", cell)
            XCTAssertNil(outcome.result, cell)
            XCTAssertEqual(sink.polls, pollsBefore + 1, "\(cell) ran on after the interrupt")
            XCTAssertEqual(session.run("big", output: RecordingSink()).failure?.name, "NameError", "\(cell) bound a result")
        }
        XCTAssertEqual(session.run("a.shape", output: RecordingSink()).result?.plain, "[327697]")
    }

    func testTheSameOperationsFinishWhenNobodyInterrupts() {
        let session = Session()
        XCTAssertNil(session.run(Self.setup, output: RecordingSink()).failure)
        for (cell, _) in cells {
            XCTAssertNil(session.run(cell, output: RecordingSink()).failure, cell)
        }
        XCTAssertEqual(session.run("sum(v + v)", output: RecordingSink()).result?.plain, "14")
    }
}
