import XCTest

@testable import SpikeLang

/// Long flat expressions parse: a chain of operators counts as one level of nesting, and only
/// its length is bounded (`Parser.chainLimit`), so the tree stays walkable.
final class FlatChainTests: XCTestCase {
    private func run(_ code: String) -> CellOutcome {
        Session().run(code, output: RecordingSink())
    }

    func testASumOfAThousandTermsEvaluates() {
        let outcome = run("x = " + Array(repeating: "1", count: 1000).joined(separator: " + ") + "\nx")
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "1000")
    }

    func testLongLogicalAndComparisonChainsEvaluate() {
        let conjunction = Array(repeating: "true", count: 3000).joined(separator: " and ")
        XCTAssertEqual(run(conjunction).result?.plain, "true")
        let product =
            Array(repeating: "2", count: 500).joined(separator: " * ") + " / " + Array(repeating: "2", count: 499).joined(separator: " / ")
        XCTAssertEqual(run(product).result?.plain, "2")  // 2^500 / 2^499, left to right
    }

    func testAChainLongerThanTheLimitIsASyntaxErrorAtTheFirstOperatorPastIt() {
        let outcome = run("x = " + Array(repeating: "1", count: Parser.chainLimit + 5).joined(separator: " + "))
        XCTAssertEqual(outcome.failure?.name, "SyntaxError")
        XCTAssertEqual(
            outcome.failure?.message,
            "at 1:\(7 + (Parser.chainLimit + 1) * 4): expression too long: more than 10,000 operators in a row (split it across statements)"
        )
    }

    func testRealNestingIsStillBounded() {
        let deep = String(repeating: "(", count: Parser.nestingLimit + 1) + "1" + String(repeating: ")", count: Parser.nestingLimit + 1)
        XCTAssertEqual(run("x = " + deep).failure?.name, "SyntaxError")
        XCTAssertTrue(run("x = " + deep).failure?.message.contains("nested too deeply") ?? false)
    }
}
