import SpikeLang
import XCTest

final class CompletenessTests: XCTestCase {
    let session = Session()

    func testFinishedStatementsAreComplete() {
        for code in ["", "x = 1", "f(1)\n", "for i in 0..3 { print(i) }", "# just a comment", "%time", "a; b;"] {
            XCTAssertEqual(session.completeness(code), .complete, code)
        }
    }

    func testOpenBracketsAreIncompleteWithAnIndentPerLevel() {
        XCTAssertEqual(session.completeness("f(1,"), .incomplete(indent: "    "))
        XCTAssertEqual(session.completeness("for i in xs {"), .incomplete(indent: "    "))
        XCTAssertEqual(session.completeness("fn f(x) {\n  if x {"), .incomplete(indent: "        "))
        XCTAssertEqual(session.completeness("[1, [2,"), .incomplete(indent: "        "))
    }

    func testATrailingOperatorCommaOrEqualsIsIncomplete() {
        for code in ["x = 1 +", "x =", "a and", "a >>", "x = 2 **", "fn f(a) =", "if c { 1 } else", "a ==  # comment"] {
            XCTAssertEqual(session.completeness(code), .incomplete(indent: "    "), code)
        }
    }

    func testLexicalErrorsAndStrayClosersAreInvalid() {
        for code in ["\"unterminated", "x = )", "f(]", "a $ b", "\"\\q\""] {
            XCTAssertEqual(session.completeness(code), .invalid, code)
        }
    }
}
