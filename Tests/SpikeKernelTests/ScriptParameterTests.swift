import SpikeLang
import XCTest

@testable import SpikeKernel

/// `NAME=VALUE` and `NAME=VALUES` arguments are read with the language's own parser; nothing is
/// evaluated.
final class ScriptParameterTests: XCTestCase {
    func testEachKindOfLiteralIsReadAsItsValue() throws {
        let cases: [(String, PlainValue)] = [
            ("seed=3", .number(3)),
            ("lr=-1.5e-3", .number(-0.0015)),
            ("pe=\"cpg\"", .string("cpg")),
            ("flag=true", .boolean(true)),
            ("pe=none", .none),
            ("sizes=[8, 16]", .list([.number(8), .number(16)])),
            (
                "opts={depth: 2, name: \"a b\"}",
                .record([.init(name: "depth", value: .number(2)), .init(name: "name", value: .string("a b"))])
            )
        ]
        for (argument, value) in cases {
            XCTAssertEqual(try ScriptParameter.parse(argument).value, value, argument)
        }
    }

    func testABareWordIsAStringWhereverALiteralMayStand() throws {
        XCTAssertEqual(try ScriptParameter.parse("pe=cpg"), ScriptParameter(name: "pe", value: .string("cpg")))
        XCTAssertEqual(try ScriptParameter.parse("pes=[cpg, none]").value, .list([.string("cpg"), .none]))
    }

    func testAValueThatIsNotALiteralIsRefusedWithWhatItIsAndWhere() {
        let cases: [(String, LiteralError)] = [
            ("x=f(1)", .notALiteral(found: "a call", column: 1)),
            ("x=[1, a.b]", .notALiteral(found: "a member access", column: 5)),
            ("x=1 + 2", .notALiteral(found: "an expression with '+'", column: 1)),
            ("x=0..3", .notALiteral(found: "a range", column: 1)),
            ("x=1; 2", .notOneValue(column: 4)),
            ("x=1e999", .nonFiniteNumber(column: 1)),
            ("x=", .empty)
        ]
        for (argument, problem) in cases {
            XCTAssertThrowsError(try ScriptParameter.parse(argument), argument) { error in
                XCTAssertEqual(error as? SweepInputError, .invalidValue(argument: argument, problem: problem), argument)
            }
        }
    }

    func testASyntaxErrorInAValueNamesTheArgumentAndTheParsersMessage() {
        XCTAssertThrowsError(try ScriptParameter.parse("x=[1,")) { error in
            guard case .invalidValue(let argument, .syntax(_, let column)) = error as? SweepInputError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(argument, "x=[1,")
            XCTAssertEqual(column, 1)
            XCTAssertTrue("\(error)".hasPrefix("argument 'x=[1,': "), "\(error)")
        }
    }

    func testANameMustBeAnIdentifierThatIsNotAKeyword() {
        for argument in ["1x=2", "if=2", "a b=2", "=2", "x.y=2"] {
            XCTAssertThrowsError(try ScriptParameter.parse(argument), argument) { error in
                XCTAssertEqual(error as? SweepInputError, .invalidName(argument: argument))
            }
        }
        XCTAssertThrowsError(try ScriptParameter.parse("seed")) { error in
            XCTAssertEqual(error as? SweepInputError, .notAnAssignment(argument: "seed"))
        }
    }

    func testAnArgumentReadsBackAsTheSameParameter() throws {
        let values: [PlainValue] = [
            .number(0.1), .number(-3), .number(2.5e-7), .string("quote \" backslash \\ newline \n tab \t é"),
            .list([.record([.init(name: "a", value: .boolean(false)), .init(name: "b", value: .none)])])
        ]
        for value in values {
            let parameter = ScriptParameter(name: "p", value: value)
            XCTAssertEqual(try ScriptParameter.parse(parameter.argument), parameter, parameter.argument)
        }
    }

    func testSweepValuesAreCommaListsAndHalfOpenRanges() throws {
        let cases: [(String, [PlainValue])] = [
            ("pe=none,sinusoidal,cpg", [.none, .string("sinusoidal"), .string("cpg")]),
            ("seed=0..3", [.number(0), .number(1), .number(2)]),
            ("seed=0..2, 10", [.number(0), .number(1), .number(10)]),
            ("sizes=[8, 16],[32]", [.list([.number(8), .number(16)]), .list([.number(32)])]),
            ("x=(-2)..0", [.number(-2), .number(-1)]),
            ("lr=0.1", [.number(0.1)])
        ]
        for (argument, values) in cases {
            XCTAssertEqual(try SweepAxis.parse(argument).values, values, argument)
        }
    }

    func testSweepValuesThatGiveNothingOrTooMuchAreRefused() {
        let cases: [(String, SweepInputError)] = [
            ("seed=", .emptyValues(argument: "seed=")),
            ("seed=3..3", .emptyValues(argument: "seed=3..3")),
            ("seed=0..11", .tooManyRuns(limit: 10)),
            ("seed=0.5..2", .invalidValue(argument: "seed=0.5..2", problem: .rangeBound(column: 1))),
            ("seed=1,f(2)", .invalidValue(argument: "seed=1,f(2)", problem: .notALiteral(found: "a call", column: 3)))
        ]
        for (argument, expected) in cases {
            XCTAssertThrowsError(try SweepAxis.parse(argument, limit: 10), argument) { error in
                XCTAssertEqual(error as? SweepInputError, expected, argument)
            }
        }
    }

    func testAHugeRangeIsRefusedBeforeItIsExpanded() {
        XCTAssertThrowsError(try SweepAxis.parse("seed=0..1000000000000")) { error in
            XCTAssertEqual(error as? SweepInputError, .tooManyRuns(limit: SweepPlan.runLimit))
        }
    }
}
