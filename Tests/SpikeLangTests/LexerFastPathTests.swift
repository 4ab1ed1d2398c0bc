import XCTest

@testable import SpikeLang

/// The lexer's ASCII shortcuts agree with the Unicode rules they stand in for.
final class LexerFastPathTests: XCTestCase {
    private func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(source).tokens.map(\.kind).dropLast()
    }

    func testEveryASCIICharacterContinuesANameExactlyWhenUnicodeSaysSo() {
        for value in UInt8(0x21)..<UInt8(0x7F) {
            let scalar = Unicode.Scalar(value)
            let continues = scalar == "_" || scalar.properties.isXIDContinue
            let tokens = kinds("a" + String(Character(scalar)))
            XCTAssertEqual(
                tokens.count == 1 && tokens.first == .identifier("a" + String(Character(scalar))), continues,
                "\(scalar): \(tokens)")
        }
    }

    func testEveryASCIICharacterStartsANameExactlyWhenUnicodeSaysSo() {
        for value in UInt8(0x21)..<UInt8(0x7F) where !(0x30...0x39).contains(value) && value != 0x22 && value != 0x23 {
            let scalar = Unicode.Scalar(value)
            let starts = scalar == "_" || scalar.properties.isXIDStart
            let first = Lexer.tokenize(String(Character(scalar)) + "b").tokens.first?.kind
            XCTAssertEqual(first == .identifier(String(Character(scalar)) + "b"), starts, "\(scalar): \(String(describing: first))")
        }
    }

    func testEverySymbolLexesAsItselfAloneAndBetweenNames() {
        for symbol in Symbol.allCases {
            XCTAssertEqual(kinds(symbol.rawValue), [.symbol(symbol)], symbol.rawValue)
            XCTAssertEqual(kinds("a " + symbol.rawValue + " b"), [.identifier("a"), .symbol(symbol), .identifier("b")], symbol.rawValue)
        }
    }

    func testNamesAndNumbersKeepTheirTextOutsideASCII() {
        XCTAssertEqual(kinds("naïve_τ2 1_000.5"), [.identifier("naïve_τ2"), .number(1000.5)])
    }
}
