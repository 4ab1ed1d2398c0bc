import Foundation
import XCTest

@testable import JupyterWire

final class JSONValueTests: XCTestCase {
    func testBooleansAndNumbersStayDistinct() throws {
        let value = try XCTUnwrap(
            JSONValue(jsonBytes: Data(#"{"t": true, "f": false, "one": 1, "zero": 0, "x": 1.5}"#.utf8)))
        XCTAssertEqual(value["t"], .bool(true))
        XCTAssertEqual(value["f"], .bool(false))
        XCTAssertEqual(value["one"], .int(1))
        XCTAssertEqual(value["zero"], .int(0))
        XCTAssertEqual(value["x"], .double(1.5))
        XCTAssertNil(value["one"]?.boolValue)
        XCTAssertNil(value["t"]?.intValue)
    }

    func testNonFiniteDoublesAreWrittenAsNull() {
        let value: JSONValue = [
            "nan": .double(.nan), "inf": .double(.infinity), "ninf": .double(-.infinity), "ok": 2.5
        ]
        XCTAssertEqual(value.jsonString(), #"{"inf":null,"nan":null,"ninf":null,"ok":2.5}"#)
    }

    func testMalformedInputIsNilNotACrash() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "nul", "\u{0}", String(repeating: "[", count: 100_000)] {
            XCTAssertNil(JSONValue(jsonBytes: Data(text.utf8)), text.prefix(20).description)
        }
    }

    func testStringsRoundTripWithControlCharactersAndAstralScalars() throws {
        let text = "tab\t newline\n quote\" backslash\\ nul\u{0} bell\u{7} 😀 é"
        let encoded = JSONValue.string(text).jsonBytes()
        XCTAssertEqual(JSONValue(jsonBytes: encoded), .string(text))
    }

    func testIntegralDoublesReadAsIntegers() {
        XCTAssertEqual(JSONValue.double(3).intValue, 3)
        XCTAssertNil(JSONValue.double(3.5).intValue)
        XCTAssertNil(JSONValue.double(.nan).intValue)
        XCTAssertNil(JSONValue.double(1e300).intValue)
    }
}

final class JSONParserStrictnessTests: XCTestCase {
    func testLenientExtensionsAreRejected() {
        for text in [
            "[1,]", "{\"a\":1,}", "// c\n1", "NaN", "Infinity", "01", "1.", ".5", "+1", "'a'", "\"a\tb\"", "[1] [2]",
            "\"\\x\""
        ] {
            XCTAssertNil(JSONValue(jsonBytes: Data(text.utf8)), text)
        }
    }

    func testEscapesAndSurrogatePairsDecode() {
        XCTAssertEqual(JSONValue(jsonBytes: Data(#""\ud83d\ude00 \u00e9 \n \/ \"""#.utf8)), .string("😀 é \n / \""))
        XCTAssertEqual(JSONValue(jsonBytes: Data(#""\ud83d x""#.utf8)), .string("\u{FFFD} x"))
    }

    func testNumbersFollowTheGrammar() {
        XCTAssertEqual(JSONValue(jsonBytes: Data("-0".utf8)), .int(0))
        XCTAssertEqual(JSONValue(jsonBytes: Data("1e2".utf8)), .double(100))
        XCTAssertEqual(JSONValue(jsonBytes: Data("-2.5E-1".utf8)), .double(-0.25))
        XCTAssertEqual(
            JSONValue(jsonBytes: Data("123456789012345678901234567890".utf8)), .double(1.2345678901234568e29))
        XCTAssertNil(JSONValue(jsonBytes: Data("1e400".utf8)))
    }

    func testNestingBeyondTheLimitIsRejectedAndWithinItAccepted() {
        let deep =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        XCTAssertNotNil(JSONValue(jsonBytes: Data(deep.utf8)))
        XCTAssertNil(JSONValue(jsonBytes: Data(("[" + deep + "]").utf8)))
    }
}
