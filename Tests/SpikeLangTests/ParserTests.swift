import XCTest

@testable import SpikeLang

final class ParserTests: XCTestCase {
    func testPrecedenceFollowsTheLanguageTableFromLowestToHighest() {
        let cases: [(String, String)] = [
            ("1 + 2 * 3", "(+ 1 (* 2 3))"),
            ("1 * 2 + 3", "(+ (* 1 2) 3)"),
            ("a or b and c", "(or a (and b c))"),
            ("not a == b", "(not (== a b))"),
            ("a == b >> c", "(== a (>> b c))"),
            ("a >> b + c", "(>> a (+ b c))"),
            ("a >> b >> c", "(>> (>> a b) c)"),
            ("-a * b", "(* (neg a) b)"),
            ("-2 ** 2", "(neg (** 2 2))"),
            ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
            ("2 ** -1", "(** 2 (neg 1))"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b % c", "(% (/ a b) c)"),
            ("0..n + 1", "(+ (.. 0 n) 1)"),
            ("a.b(c)[0]", "(index (call (. a b) c) 0)"),
            ("f(x)..g(y)", "(.. (call f x) (call g y))"),
            ("xs[1:2]", "(slice xs 1 2)"),
            ("xs[:2]", "(slice xs _ 2)"),
            ("xs[1:]", "(slice xs 1 _)"),
            ("xs[:]", "(slice xs _ _)"),
            ("f(1, b=2)", "(call f 1 b=2)"),
            ("{a: 1, \"b c\": [2]}", "{a:1 b c:[2]}"),
            ("if a { 1 } else if b { 2 } else { 3 }", "(if a {1} {(if b {2} {3})})"),
            ("x = if c { 1 } else { 2 }", "(= x (if c {1} {2}))"),
            ("fn f(a, b=2) = a + b", "(fn f (a b=2) (+ a b))"),
            ("fn g(a) { y = a\n y }", "(fn g (a) {(= y a); y})"),
            ("for i in 0..3 { print(i) }", "(for i (.. 0 3) {(call print i)})"),
            ("(a == b) == c", "(== (== a b) c)"),
            ("a < b and b < c", "(and (< a b) (< b c))"),
            ("0 < x < 1", "SyntaxError at 1:7: comparisons do not chain: write a < b and b < c")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
    }

    func testANewlineDoesNotEndAStatementInsideBracketsOrAfterAnOperatorCommaOrEquals() {
        XCTAssertEqual(SExpression.parse("f(1,\n 2)"), "(call f 1 2)")
        XCTAssertEqual(SExpression.parse("[1\n,2\n]"), "[1 2]")
        XCTAssertEqual(SExpression.parse("x = 1 +\n 2"), "(= x (+ 1 2))")
        XCTAssertEqual(SExpression.parse("x =\n 2"), "(= x 2)")
        XCTAssertEqual(SExpression.parse("a and\nb"), "(and a b)")
        XCTAssertEqual(SExpression.parse("{a:\n 1}"), "{a:1}")
        // A line starting with '+' does not continue the previous one ('+' is not unary).
        XCTAssertEqual(SExpression.parse("x = 1\n+ 2"), "SyntaxError at 2:1: expected an expression, found '+'")
    }

    func testAStatementEndsAtANewlineOutsideBrackets() {
        XCTAssertEqual(SExpression.parse("x = 1\n-2"), "(= x 1); (neg 2)")
        XCTAssertEqual(SExpression.parse("a\nb;c"), "a; b; c")
    }

    func testElseMayStartTheLineAfterTheClosingBrace() {
        XCTAssertEqual(SExpression.parse("if c {\n 1\n}\nelse {\n 2\n}\nx"), "(if c {1} {2}); x")
        XCTAssertEqual(SExpression.parse("if c { 1 }\n\nx"), "(if c {1}); x")
    }

    func testBlocksInsideBracketsStillSeparateStatementsByNewlines() {
        XCTAssertEqual(SExpression.parse("f(if c {\n a = 1\n a\n} else { 2 })"), "(call f (if c {(= a 1); a} {2}))")
    }

    func testARecordLiteralIsNotParsedInAnIfConditionOrForSequence() {
        XCTAssertEqual(SExpression.parse("if x { 1 }"), "(if x {1})")
        XCTAssertEqual(SExpression.parse("for k in ks { k }"), "(for k ks {k})")
        XCTAssertEqual(SExpression.parse("if ({a: 1}).a == 1 { 2 }"), "(if (== (. {a:1} a) 1) {2})")
    }

    func testEveryIndependentSyntaxErrorInACellIsReported() {
        let (_, diagnostics) = Parser.parse("a = (\nb = 1 +\n\nc = ]\nd = 2 2\ne = )")
        XCTAssertEqual(diagnostics.map(\.kind), Array(repeating: .syntax, count: diagnostics.count))
        XCTAssertGreaterThanOrEqual(diagnostics.count, 2)
        let (_, three) = Parser.parse("x = *\ny = 1 1\nz = [)")
        XCTAssertEqual(
            three,
            [
                Diagnostic(.expectedExpression(found: "'*'"), at: SourceRange(line: 1, column: 5)),
                Diagnostic(.expected("end of statement (newline or ';')", found: "a number"), at: SourceRange(line: 2, column: 7)),
                Diagnostic(.expectedExpression(found: "')'"), at: SourceRange(line: 3, column: 6))
            ])
    }

    func testADuplicateArgumentIsReportedAtItsSecondOccurrence() {
        let (_, diagnostics) = Parser.parse("f(tau=1, beta=2, tau=3)")
        XCTAssertEqual(diagnostics, [Diagnostic(.duplicateArgument("tau"), at: SourceRange(line: 1, column: 18, length: 3))])
    }

    func testDeepNestingIsASyntaxErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let (_, diagnostics) = Parser.parse(deep)
        XCTAssertEqual(diagnostics.first?.problem, .tooDeeplyNested(limit: Parser.nestingLimit))
        // A flat chain is one level deep; only its length is bounded.
        let longChain = "x = 1" + String(repeating: " + 1", count: 50_000)
        XCTAssertEqual(Parser.parse(longChain).diagnostics.first?.problem, .chainTooLong(limit: Parser.chainLimit))
        let manyMinus = String(repeating: "-", count: 50_000) + "1"
        XCTAssertEqual(Parser.parse(manyMinus).diagnostics.first?.problem, .tooDeeplyNested(limit: Parser.nestingLimit))
    }

    func testDeeplyNestedBlocksAreASyntaxErrorNotACrash() {
        for opener in ["fn f() {", "for i in xs {", "if c {", "if c { 1 } else {"] {
            let deep = String(repeating: opener + "\n", count: 20_000)
            let diagnostics = Parser.parse(deep).diagnostics
            XCTAssertTrue(diagnostics.contains { $0.problem == .tooDeeplyNested(limit: Parser.nestingLimit) }, opener)
        }
    }

    func testModerateNestingWithinTheLimitParses() {
        let nested = String(repeating: "[", count: 50) + "1" + String(repeating: "]", count: 50)
        XCTAssertTrue(Parser.parse(nested).diagnostics.isEmpty)
        let chain = "1" + String(repeating: " + 1", count: 150)
        XCTAssertTrue(Parser.parse(chain).diagnostics.isEmpty)
    }
}
