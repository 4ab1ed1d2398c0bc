import SpikeEngine
import XCTest

@testable import SpikeLang

/// The tensor operators of issue 12 in the language: `@` binds as `*` does, comma-separated
/// subscripts parse into one part per axis, and comparisons, `where`, subscripts and `@` check
/// the memory budget as the older tensor operations do (TensorInterruptTests has their polls).
final class TensorOperatorTests: XCTestCase {
    func testTheMatrixProductBindsAsMultiplicationDoes() {
        let cases = [
            ("a @ b * c", "(* (@ a b) c)"), ("a * b @ c", "(@ (* a b) c)"), ("a + b @ c", "(+ a (@ b c))"),
            ("-a @ b", "(@ (neg a) b)"), ("a @ b ** 2", "(@ a (** b 2))"), ("a @ b > 0", "(> (@ a b) 0)"),
            ("a @\n b", "(@ a b)"), ("a[0] @ b.c", "(@ (index a 0) (. b c))")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
    }

    func testACellEndingInAtOrInsideASubscriptAsksForMoreLines() {
        let session = Session()
        for code in ["y = a @", "x[1,", "x[:, 1:"] {
            XCTAssertNotEqual(session.completeness(code), .complete, code)
            XCTAssertNotEqual(session.completeness(code), .invalid, code)
        }
        XCTAssertEqual(session.completeness("y = a @ b"), .complete)
        XCTAssertEqual(session.completeness("x[1, :2]"), .complete)
    }

    func testCommaSeparatedSubscriptsGiveOnePartPerAxisAndOnePartKeepsItsOldForm() {
        let cases = [
            ("x[1]", "(index x 1)"), ("x[1:2]", "(slice x 1 2)"), ("x[:]", "(slice x _ _)"),
            ("x[:, j]", "(subscript x (: _ _) j)"), ("x[i, :]", "(subscript x i (: _ _))"),
            ("x[1:3, 2:]", "(subscript x (: 1 3) (: 2 _))"), ("x[i, j, -1]", "(subscript x i j (neg 1))"),
            ("x[0][1, :2]", "(subscript (index x 0) 1 (: _ 2))"), ("x[\n1,\n2\n]", "(subscript x 1 2)")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
        XCTAssertEqual(SExpression.parse("x[1,]"), "SyntaxError at 1:5: expected an expression, found ']'")
        XCTAssertEqual(SExpression.parse("x[,1]"), "SyntaxError at 1:3: expected an expression, found ','")
    }

    func testAPartOutOfRangeIsReportedAtThatPart() throws {
        let session = Session()
        XCTAssertNil(session.run("x = zeros([2, 3, 4])", output: RecordingSink()).failure)
        let cases: [(String, Problem, SourceRange)] = [
            ("x[1, 3]", .axisIndexOutOfRange(axis: 1, index: 3, count: 3), SourceRange(line: 1, column: 6)),
            ("x[0, 0, -5]", .axisIndexOutOfRange(axis: 2, index: -5, count: 4), SourceRange(line: 1, column: 9, length: 2)),
            ("x[:, :, :, 0]", .tooManyIndices(shape: [2, 3, 4], given: 4), SourceRange(line: 1, column: 12)),
            ("[1][0, 0]", .tooManySubscripts(type: "a list", given: 2), SourceRange(line: 1, column: 8))
        ]
        for (cell, problem, range) in cases {
            let diagnostics = session.run(cell, output: RecordingSink()).failure?.diagnostics ?? []
            XCTAssertEqual(diagnostics, [Diagnostic(problem, at: range)], cell)
        }
        XCTAssertEqual(Problem.axisIndexOutOfRange(axis: 1, index: 3, count: 3).kind, .index)
    }

    func testAResultOverTheBudgetIsAResourceErrorAtItsExpressionAndKeepsTheBindings() {
        let budget = 1 << 20
        let session = Session(memoryBudget: budget)
        XCTAssertNil(session.run("c = zeros([1000, 1])\nr = zeros([1, 1000])", output: RecordingSink()).failure)
        // Each result is 1000 x 1000 Float32 numbers, 4 MB.
        let cases: [(String, SourceLocation)] = [
            ("u = c > r", SourceLocation(line: 1, column: 5)), ("u = c == r", SourceLocation(line: 1, column: 5)),
            ("u = where(c, r, 0)", SourceLocation(line: 1, column: 5)), ("u = c @ r", SourceLocation(line: 1, column: 7))
        ]
        for (cell, start) in cases {
            let diagnostics = session.run(cell, output: RecordingSink()).failure?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.problem), [.memoryBudget(requestedBytes: 4_000_000, budgetBytes: budget)], cell)
            XCTAssertEqual(diagnostics.first?.range.start, start, cell)
            XCTAssertEqual(session.run("[c.shape, r.shape]", output: RecordingSink()).result?.plain, "[[1000, 1], [1, 1000]]")
        }
        XCTAssertEqual(session.run("(r @ c).shape", output: RecordingSink()).result?.plain, "[1, 1]", "a product within the budget")
    }
}
