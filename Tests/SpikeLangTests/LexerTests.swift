import XCTest

@testable import SpikeLang

final class LexerTests: XCTestCase {
    private func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(source).tokens.map(\.kind).filter { $0 != .endOfInput }
    }

    func testNumbersAcceptUnderscoresBetweenDigitsFractionsAndExponents() {
        XCTAssertEqual(
            kinds("42 3.5 1e-3 10_000 2E+2 1_0.0_5"),
            [.number(42), .number(3.5), .number(0.001), .number(10_000), .number(200), .number(10.05)])
    }

    func testARangeBetweenIntegersLexesAsTwoNumbersAndDotDot() {
        XCTAssertEqual(kinds("1..5"), [.number(1), .symbol(.dotDot), .number(5)])
        XCTAssertEqual(kinds("1.5..2"), [.number(1.5), .symbol(.dotDot), .number(2)])
    }

    func testMalformedNumbersAreReportedWhole() {
        for bad in ["1e", "10_", "1__0", "1e+", "12abc", "3.5_"] {
            let diagnostics = Lexer.tokenize(bad).diagnostics
            XCTAssertEqual(
                diagnostics, [Diagnostic(.invalidNumber(bad), at: SourceRange(line: 1, column: 1, length: bad.unicodeScalars.count))], bad)
        }
    }

    func testStringEscapesDecodeIncludingUnicodeScalars() {
        XCTAssertEqual(kinds(#""a\"b\\c\nd\te\u{1F600}\u{e9}""#), [.string("a\"b\\c\nd\te😀é")])
    }

    func testBadEscapesAndUnterminatedStringsAreReportedAndLexingGoesOn() {
        let (tokens, diagnostics) = Lexer.tokenize("\"\\q\" \"\\u{110000}\" \"open\nx")
        XCTAssertEqual(diagnostics.map(\.problem), [.invalidEscape("q"), .invalidEscape("u{110000}"), .unterminatedString])
        XCTAssertEqual(tokens.map(\.kind).last { $0 != .endOfInput }, .identifier("x"))
    }

    func testIdentifiersMayUseUnicodeLettersAndCombiningMarks() {
        XCTAssertEqual(kinds("τ café e\u{301}t _x1"), [.identifier("τ"), .identifier("café"), .identifier("e\u{301}t"), .identifier("_x1")])
    }

    func testKeywordsAreNotIdentifiers() {
        XCTAssertEqual(
            kinds("fn for in if else and or not true false none"),
            Keyword.allCases.map { .keyword($0) })
    }

    func testCommentsRunToTheEndOfTheLine() {
        XCTAssertEqual(kinds("a # b c\nd"), [.identifier("a"), .newline, .identifier("d")])
    }

    func testColumnsCountCodePointsSoAstralCharactersCountOnce() {
        let tokens = Lexer.tokenize("\"😀\" + x").tokens
        XCTAssertEqual(tokens[2].range.start, SourceLocation(line: 1, column: 7))
        XCTAssertEqual(tokens[2].startOffset, 6)
    }

    func testLongestMatchOperators() {
        XCTAssertEqual(
            kinds("** >> >= <= == != .. = > < * ."),
            [
                .symbol(.power), .symbol(.compose), .symbol(.greaterEqual), .symbol(.lessEqual), .symbol(.equal),
                .symbol(.notEqual), .symbol(.dotDot), .symbol(.assign), .symbol(.greater), .symbol(.less),
                .symbol(.star), .symbol(.dot)
            ])
    }

    func testAnUnexpectedCharacterIsReportedAndSkipped() {
        let (tokens, diagnostics) = Lexer.tokenize("a $ b")
        XCTAssertEqual(diagnostics, [Diagnostic(.unexpectedCharacter("'$'"), at: SourceRange(line: 1, column: 3))])
        XCTAssertEqual(tokens.map(\.kind), [.identifier("a"), .identifier("b"), .endOfInput])
    }
}
