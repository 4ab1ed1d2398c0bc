import XCTest

@testable import SpikeLang

/// f-strings (docs/language.md §1): their fields parse as full expressions whose ranges point
/// into the cell, and every malformed f-string is a SyntaxError at the culprit.
final class FStringTests: XCTestCase {
    func testFieldsParseAsFullExpressionsWithTheirSpecs() {
        let cases: [(String, String)] = [
            ("f\"r2={r2:.3f} n={n}\"", "(f \"r2=\" {r2:.3f} \" n=\" {n})"),
            ("f\"{a + b * 2}\"", "(f {(+ a (* b 2))})"),
            ("f\"{{x}} {x}\"", "(f \"{x} \" {x})"),
            ("f\"{xs[1:2]:>8} {f(a, b=1)}\"", "(f {(slice xs 1 2):>8} \" \" {(call f a b=1)})"),
            ("f\"{ {a: 1}.a }\"", "(f {(. {a:1} a)})"),
            ("f\"{if c {1} else {2}}\"", "(f {(if c {1} {2})})"),
            ("f\"tab\\t{x:}\"", "(f \"tab\\t\" {x})"),
            ("f\"\"", "(f)")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
    }

    func testMalformedFStringsAreSyntaxErrorsAtTheCulprit() {
        let cases: [(String, String)] = [
            ("x = f\"a {b\"", "SyntaxError at 1:9: '{' was never closed"),
            ("f\"{}\"", "SyntaxError at 1:3: empty {} in an f-string: put an expression inside, or write {{ and }} for literal braces"),
            ("f\"a } b\"", "SyntaxError at 1:5: single '}' in an f-string: write }} for a literal brace"),
            (
                "f\"{x:{w}}\"",
                "SyntaxError at 1:6: a format spec cannot contain '{' (nested fields are not supported): write the spec out, e.g. {x:.3f}"
            ),
            ("f\"{1 +}\"", "SyntaxError at 1:7: expected an expression, found '}'"),
            ("f\"{a b}\"", "SyntaxError at 1:6: expected '}', found 'b'"),
            ("f\"{a\n}\"", "SyntaxError at 1:3: '{' was never closed"),
            ("f\"abc", "SyntaxError at 1:1: unterminated string: a closing \" is missing on this line")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
    }

    func testAFieldsExpressionRangePointsIntoTheCell() throws {
        let (program, diagnostics) = Parser.parse("y = 1\nprint(f\"v={ value * 2 :>4}\")")
        XCTAssertEqual(diagnostics, [])
        guard case .expression(let call) = program.statements.last?.kind, case .call(_, let arguments) = call.kind,
            case .formatted(let parts) = arguments.first?.value.kind, case .field(let field, let spec, let specRange) = parts.last
        else { return XCTFail("not an f-string argument: \(program)") }
        XCTAssertEqual(field.range, SourceRange(line: 2, column: 13, length: 9))
        XCTAssertEqual(spec, ":>4".dropFirst().description)
        XCTAssertEqual(specRange, SourceRange(line: 2, column: 24, length: 2))
    }

    func testTheLexerCarriesOnAfterAnFString() {
        let (tokens, diagnostics) = Lexer.tokenize("f\"{a}\" + b")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(tokens.dropFirst().map(\.kind), [.symbol(.plus), .identifier("b"), .endOfInput])
        XCTAssertEqual(tokens.first?.range, SourceRange(line: 1, column: 1, length: 6))
        // Only an `f` that starts a word begins an f-string.
        XCTAssertEqual(Lexer.tokenize("elf\"x\"").tokens.map(\.kind), [.identifier("elf"), .string("x"), .endOfInput])
    }
}

/// Tooling inside f-strings: names complete in a field, not in the text; a field left open
/// makes the cell invalid (no added line can close it).
final class FStringToolingTests: XCTestCase {
    func testNamesCompleteInsideAFieldButNotInTheText() {
        let session = Session()
        XCTAssertNil(session.run("length_of_run = 3", output: RecordingSink()).failure)
        let inField = session.complete("f\"n={length_o", cursor: 13)
        XCTAssertEqual(inField.matches, ["length_of_run"])
        XCTAssertEqual(inField.start, 5)
        XCTAssertEqual(session.complete("f\"n=length_o", cursor: 12).matches, [])
    }

    func testAnOpenFieldOrAnUnterminatedFStringIsInvalid() {
        XCTAssertEqual(CompletenessCheck.of("x = f\"{a"), .invalid)
        XCTAssertEqual(CompletenessCheck.of("x = f\"a"), .invalid)
        XCTAssertEqual(CompletenessCheck.of("x = f\"{a}\""), .complete)
        XCTAssertEqual(CompletenessCheck.of("print(f\"{a}\","), .incomplete(indent: "    "))
    }

    func testAnFStringCountsItsTextAgainstTheMemoryBudgetAsFieldsJoinIt() {
        let session = Session(memoryBudget: 1000)
        let setup = "s = \"" + String(repeating: "a", count: 600) + "\""
        XCTAssertNil(session.run(setup + "\nt = f\"{s}\"", output: RecordingSink()).failure)
        let outcome = session.run("f\"{s}-{s}\"", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .memoryBudget(requestedBytes: 1201, budgetBytes: 1000))
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range, SourceRange(line: 1, column: 8))
    }
}
