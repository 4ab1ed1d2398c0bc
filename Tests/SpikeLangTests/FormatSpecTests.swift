import Foundation
import XCTest

@testable import SpikeLang

/// `format(x, spec)` against Python's own `format()`: the table scripts/golden_format.py
/// generated (Golden/format_table.txt), and the mistakes a bad spec names.
final class FormatSpecTests: XCTestCase {
    static let table = GoldenFileTests.folder.appendingPathComponent("format_table.txt")

    func testEveryCaseOfPythonsFormatTableIsWrittenTheSameOrRejectedTheSame() throws {
        let lines = try String(contentsOf: Self.table, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 1000, "the table is missing: run scripts/golden_format.py")
        var failures: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                failures.append("malformed line: \(line)")
                continue
            }
            let (kind, value, spec, expected) = (fields[0], fields[1], fields[2], fields[3])
            let actual: String
            do {
                let parsed = try FormatSpec.parse(spec)
                if kind == "s" {
                    actual = try parsed.format(value)
                } else {
                    guard let number = Double(value) else {
                        failures.append("unreadable number \(value)")
                        continue
                    }
                    actual = try parsed.format(number)
                }
            } catch {
                if expected != "!ValueError" { failures.append("format(\(value), \"\(spec)\"): \(error), expected \(expected)") }
                continue
            }
            if actual != expected { failures.append("format(\(value), \"\(spec)\") = \(actual), expected \(expected)") }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(40).joined(separator: "\n"))
    }

    func testHalfwayCasesRoundTheExactBinaryValueToEven() throws {
        // 0.125 and 0.375 are exact ties (to even); 2.675 is stored as 2.67499999…
        let twoPlaces = try FormatSpec.parse(".2f")
        XCTAssertEqual(try [0.125, 0.375, 2.675, 1.005].map { try twoPlaces.format($0) }, ["0.12", "0.38", "2.67", "1.00"])
    }

    func testEachBadSpecNamesThePartAtFault() {
        let cases: [(String, FormatSpecMistake)] = [
            (".f", .missingPrecision),
            (",_", .twoSeparators),
            ("10.2fx", .unexpectedText("fx")),
            (".3q", .unknownType("q", valueKind: "a number")),
            (".2d", .partNotAllowed(part: "a precision", context: "type 'd'")),
            (",n", .partNotAllowed(part: "','", context: "type 'n'")),
            (",x", .partNotAllowed(part: "','", context: "type 'x'")),
            (".20000f", .tooLarge(part: "the precision", limit: FormatSpec.sizeLimit)),
            ("d", .notIntegral(type: "d", value: 2.5))
        ]
        for (spec, mistake) in cases {
            XCTAssertThrowsError(try FormatSpec.parse(spec).format(2.5), spec) { error in
                XCTAssertEqual(error as? FormatSpecMistake, mistake, spec)
            }
        }
        XCTAssertThrowsError(try FormatSpec.parse("+").format("abc")) { error in
            XCTAssertEqual(error as? FormatSpecMistake, .partNotAllowed(part: "a sign '+'", context: "a string"))
        }
    }

    func testIntegersPastTwoToTheSixtyFourAreWrittenExactlyInEveryBase() throws {
        // Python: format(2**70 + 2**20, "d"), "x", "o".
        let value = 0x1p70 + 0x1p20
        XCTAssertEqual(try FormatSpec.parse("d").format(value), "1180591620717412352000")
        XCTAssertEqual(try FormatSpec.parse("x").format(value), "400000000000100000")
        XCTAssertEqual(try FormatSpec.parse("o").format(value), "200000000000000004000000")
    }

    func testMeanStdUsesTheSampleStandardDeviationAndTwoSignificantDigitsOfIt() {
        // NumPy: np.mean([0.8, 0.82, 0.83]) = 0.8166…, np.std(…, ddof=1) = 0.01527…
        let (mean, std) = MathLibrary.meanAndSampleStd([0.8, 0.82, 0.83])
        XCTAssertEqual(mean, 0.81666666666666667, accuracy: 1e-15)
        XCTAssertEqual(std, 0.015275252316519468, accuracy: 1e-15)
        XCTAssertEqual(MathLibrary.meanStdText(mean, std, digits: nil), "0.817 ± 0.015")
        XCTAssertEqual(MathLibrary.meanStdText(mean, std, digits: 1), "0.8 ± 0.0")
        XCTAssertTrue(MathLibrary.meanAndSampleStd([0.81]).std.isNaN)
        XCTAssertEqual(MathLibrary.meanStdText(0.81, .nan, digits: nil), "0.81 ± nan")
        XCTAssertEqual(MathLibrary.meanStdText(2, 0, digits: nil), "2 ± 0")
    }

    func testFloatReadsWhatPythonsFloatReads() {
        let readable: [(String, Double)] = [
            ("1.5", 1.5), (" -1_000.25\n", -1000.25), ("1e-3", 0.001), (".5", 0.5), ("1.", 1), ("1.e2", 100),
            ("+INF", .infinity), ("-Infinity", -.infinity), ("1e400", .infinity), ("1E+2", 100)
        ]
        for (text, value) in readable { XCTAssertEqual(NumberText.value(of: text), value, text) }
        XCTAssertEqual(NumberText.value(of: "nan")?.isNaN, true)
        // Python reads other scripts' digits too ("١" is 1); Spike, as its lexer, only ASCII digits.
        for text in ["", "abc", "1_", "_1", "1__0", "0x10", "1e", ".", "1.5.6", "nan(1)", "in f", "1 2", "١"] {
            XCTAssertNil(NumberText.value(of: text), text)
        }
    }
}
