import XCTest

@testable import SpikeLang

final class SessionTests: XCTestCase {
    func testTheLastStatementsValueIsTheResultUnlessHiddenOrNone() {
        let session = Session()
        XCTAssertEqual(session.run("x = 2\nx * 3", output: RecordingSink()).result, Rendering(plain: "6"))
        XCTAssertNil(session.run("x * 3;", output: RecordingSink()).result)
        XCTAssertNil(session.run("print(1)", output: RecordingSink()).result)
        XCTAssertNil(session.run("y = 4", output: RecordingSink()).result)
        XCTAssertNil(session.run("", output: RecordingSink()).result)
    }

    func testBindingsPersistAcrossCells() {
        let session = Session()
        _ = session.run("a = [1, 2]", output: RecordingSink())
        XCTAssertEqual(session.run("a + [3]", output: RecordingSink()).result?.plain, "[1, 2, 3]")
        XCTAssertEqual(session.boundNames, ["a"])
    }

    func testAFailureKeepsBindingsMadeBeforeItInTheSameCell() {
        let session = Session()
        let outcome = session.run("first = 1\nsecond = [][0]\nthird = 3", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.name, "IndexError")
        XCTAssertEqual(session.boundNames, ["first"])
    }

    func testAFailureInsideAFunctionCallRestoresTheTopLevelScope() {
        let session = Session()
        let outcome = session.run("keep = 1\nfn bad(v) {\n  local = v\n  v / 0\n}\nbad(2)", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.map(\.problem), [.divisionByZero])
        XCTAssertEqual(session.boundNames, ["bad", "keep"])
        XCTAssertEqual(session.run("keep", output: RecordingSink()).result?.plain, "1")
    }

    func testTheTracebackShowsTheSourceLineAndACaretUnderTheCulprit() {
        let outcome = Session().run("x = 1\ny = x + \"a\"", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.name, "TypeError")
        XCTAssertEqual(outcome.failure?.message, "at 2:5: '+' does not apply to a number and a string")
        XCTAssertEqual(
            outcome.failure?.traceback,
            [
                "TypeError at 2:5: '+' does not apply to a number and a string",
                "2 | y = x + \"a\"",
                "  |     ^^^^^^^"
            ])
    }

    func testAnErrorInsideAFunctionFromAnEarlierCellIsShownAtTheCallWithTheFunctionsLine() {
        let session = Session()
        _ = session.run("# helpers\nfn half(x) {\n  y = x / 0\n  y\n}", output: RecordingSink())
        _ = session.run("fn twice_half(v) = 2 * half(v)", output: RecordingSink())
        let outcome = session.run("a = 1\ntwice_half(a)", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics, [Diagnostic(.divisionByZero, at: SourceRange(line: 2, column: 1, length: 13))])
        XCTAssertEqual(
            outcome.failure?.traceback,
            [
                "ValueError at 2:1: division by zero",
                "2 | twice_half(a)",
                "  | ^^^^^^^^^^^^^",
                "in twice_half(), defined in an earlier cell, at 1:24:",
                "1 | fn twice_half(v) = 2 * half(v)",
                "  |                        ^^^^^^^",
                "in half(), defined in an earlier cell, at 3:7:",
                "3 |   y = x / 0",
                "  |       ^^^^^"
            ])
    }

    func testAnErrorInsideAFunctionFromTheSameCellPointsIntoItsBodyThenShowsTheCallChain() {
        let outcome = Session().run("fn bad(x) = x / 0\nfn outer(x) = bad(x) + 1\nouter(1)", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 13))
        XCTAssertEqual(
            outcome.failure?.traceback,
            [
                "ValueError at 1:13: division by zero",
                "1 | fn bad(x) = x / 0",
                "  |             ^^^^^",
                "called in outer() at 2:15:",
                "2 | fn outer(x) = bad(x) + 1",
                "  |               ^^^^^^",
                "called at 3:1:",
                "3 | outer(1)",
                "  | ^^^^^^^^"
            ])
    }

    func testADeepRecursionShowsTheEndsOfItsCallChain() {
        let outcome = Session().run("fn r(n) = if n == 0 { 1 / 0 } else { r(n - 1) }\nr(50)", output: RecordingSink())
        let traceback = outcome.failure?.traceback ?? []
        XCTAssertEqual(traceback.filter { $0.hasPrefix("called in r() at 1:38:") }.count, CallChainFailure.shownCalls - 1)
        XCTAssertTrue(traceback.contains("… 39 more calls …"))
        XCTAssertEqual(traceback.suffix(3), ["called at 2:1:", "2 | r(50)", "  | ^^^^^"])
    }

    func testAnInterruptInsideAFunctionHasNoCallChain() {
        let sink = RecordingSink()
        sink.cancelAfterPolls = 10
        let outcome = Session().run("fn g(x) = x + 1\nfn f(x) = g(x)\nfor i in range(100) { f(i) }", output: sink)
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        XCTAssertFalse(outcome.failure?.traceback.contains { $0.hasPrefix("called") } ?? true)
    }

    func testACaretKeepsTabsSoItStaysUnderTheCulprit() {
        let outcome = Session().run("\tz = nope", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.traceback.last, "  | \t    ^^^^")
    }

    func testAnInterruptStopsALoopAndKeepsItsBindings() {
        let session = Session()
        let sink = RecordingSink(cancelAfterPolls: 5)
        let outcome = session.run("n = 0\nfor i in 0..1000000000 { n = n + 1 }", output: sink)
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        let n = session.run("n", output: RecordingSink()).result?.plain
        XCTAssertNotNil(n)
        XCTAssertLessThanOrEqual(Int(n ?? "") ?? 99, 5)
    }

    func testAnInterruptStopsRunawayRecursionAtACall() {
        let sink = RecordingSink(cancelAfterPolls: 3)
        let outcome = Session().run("fn f(n) = f(n + 1)\nf(0)", output: sink)
        XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .interrupted)
    }

    func testRunawayRecursionIsAResourceErrorNotACrash() {
        let outcome = Session().run("fn f(n) = [f(n + 1)]\nf(0)", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .recursionTooDeep(limit: Evaluator.callDepthLimit))
    }

    func testHugeAndDeeplyNestedInputsFailCleanly() {
        let session = Session()
        let deep = String(repeating: "[", count: 10_000)
        XCTAssertEqual(session.run(deep, output: RecordingSink()).failure?.name, "SyntaxError")
        let many = String(repeating: "x = 1 +* 2\n", count: 2_000)
        let failure = session.run(many, output: RecordingSink()).failure
        XCTAssertEqual(failure?.diagnostics.count, 2_000)
        XCTAssertEqual(failure?.traceback.count, 3 * CellFailure.shownLimit + 1)
        XCTAssertEqual(failure?.traceback.last, "… and 1980 more errors")
        let big = "total = 0\n" + String(repeating: "total = total + 1\n", count: 20_000) + "total"
        XCTAssertEqual(session.run(big, output: RecordingSink()).result?.plain, "20000")
    }

    func testStringGrowthBeyondTheMemoryBudgetIsAResourceError() {
        let session = Session(memoryBudget: 1_000)
        let outcome = session.run("s = \"0123456789\"\nfor i in 0..10 { s = s + s }", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.name, "ResourceError")
        XCTAssertEqual(session.run("len(s)", output: RecordingSink()).result?.plain, "640")
    }

    func testTimeMagicReportsWallTimeAfterTheCellsOwnOutput() {
        let sink = RecordingSink()
        let outcome = Session().run("%time\nprint(\"work\")\n1 + 1", output: sink)
        XCTAssertEqual(outcome.result?.plain, "2")
        XCTAssertEqual(sink.lines.first, "work")
        XCTAssertEqual(sink.lines.count, 2)
        XCTAssertTrue(sink.lines.last?.hasPrefix("Wall time: ") ?? false, sink.lines.description)
    }

    func testTimeMagicCanTimeCodeOnItsOwnLine() {
        let sink = RecordingSink()
        let outcome = Session().run("%time 6 * 7", output: sink)
        XCTAssertEqual(outcome.result?.plain, "42")
        XCTAssertTrue(sink.stdout.hasPrefix("Wall time: "))
        let failure = Session().run("%time 1 +* 2", output: RecordingSink()).failure
        XCTAssertEqual(failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 10))
    }

    func testTimeitRunsTheCellTheGivenNumberOfTimesQuietlyAndReportsMeanAndDeviation() throws {
        let session = Session()
        _ = session.run("count = 0", output: RecordingSink())
        let sink = RecordingSink()
        let outcome = session.run("%timeit -n 4 -r 3\nprint(\"each\")\ncount = count + 1\ncount", output: sink)
        XCTAssertNil(outcome.failure)
        XCTAssertNil(outcome.result, "%timeit shows the timing, not the value")
        XCTAssertEqual(session.run("count", output: RecordingSink()).result?.plain, "12")
        XCTAssertEqual(sink.lines.count, 1, sink.lines.description)
        let line = try XCTUnwrap(sink.lines.first)
        XCTAssertTrue(line.hasSuffix(" per loop (mean ± std. dev. of 3 runs, 4 loops each)"), line)
        XCTAssertTrue(line.contains(" ± "), line)
    }

    func testTimeitWithoutCountsCalibratesUntilARepeatTakesAFifthOfASecond() throws {
        let session = Session()
        _ = session.run("count = 0", output: RecordingSink())
        let sink = RecordingSink()
        _ = session.run("%timeit count = count + 1", output: sink)
        let line = try XCTUnwrap(sink.lines.first)
        let counts = try XCTUnwrap(line.components(separatedBy: "runs, ").last?.components(separatedBy: " loop").first)
        let loops = try XCTUnwrap(Int(counts.filter(\.isNumber)), line)
        // Loop counts follow 1, 2, 5, 10, …; a cheap line needs many to fill 0.2 s.
        XCTAssertGreaterThan(loops, 10, line)
        XCTAssertTrue([1, 2, 5].contains(Int(String(String(loops).first!))), line)
        XCTAssertTrue(line.hasSuffix("(mean ± std. dev. of 7 runs, \(loops.formatted(.number.grouping(.automatic))) loops each)"), line)
    }

    func testTimeitStopsAtTheFirstFailureAndReportsItWithItsPosition() {
        let sink = RecordingSink()
        let outcome = Session().run("%timeit -n 2\n1 / 0", output: sink)
        XCTAssertEqual(outcome.failure?.name, "ValueError")
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start.line, 2)
        XCTAssertEqual(sink.stdout, "")
        XCTAssertEqual(Session().run("%timeit -n zero\n1", output: RecordingSink()).failure?.name, "SyntaxError")
    }

    func testAQuestionMarkCellOpensTheSameHelpPageAsTheHelpMagic() {
        let session = Session()
        let expected = session.run("%help simulate", output: RecordingSink()).pages
        XCTAssertEqual(expected.count, 1)
        for cell in ["simulate?", "simulate??", "?simulate", "  simulate? \n"] {
            let outcome = session.run(cell, output: RecordingSink())
            XCTAssertNil(outcome.failure, cell)
            XCTAssertEqual(outcome.pages, expected, cell)
        }
        XCTAssertEqual(session.run("x = 1\nx?", output: RecordingSink()).failure?.name, "SyntaxError", "only a whole cell asks for help")
    }

    func testLsmagicListsEveryMagicWithItsSummary() {
        let sink = RecordingSink()
        XCTAssertNil(Session().run("%lsmagic", output: sink).failure)
        XCTAssertEqual(
            sink.lines.map { String($0.prefix(while: { $0 != ":" })) },
            ["%time", "%timeit", "%who", "%reset", "%seed", "%threads", "%help", "%lsmagic", "%figure_format"])
    }

    func testCellMagicFormsOfTimeAreAccepted() {
        let sink = RecordingSink()
        let outcome = Session().run("%%time\n6 * 7", output: sink)
        XCTAssertEqual(outcome.result?.plain, "42")
        XCTAssertTrue(sink.stdout.hasPrefix("Wall time: "))
    }

    func testPrintCanWriteToStandardError() {
        let sink = RecordingSink()
        _ = Session().run("print(\"careful\", 1, stream=\"stderr\")\nprint(\"fine\")", output: sink)
        XCTAssertEqual(sink.events, [.write("careful 1\n", .stderr), .write("fine\n", .stdout)])
    }

    func testTimeMagicStillReportsWhenTheCellFails() {
        let sink = RecordingSink()
        let outcome = Session().run("%time\n1 / 0", output: sink)
        XCTAssertEqual(outcome.failure?.name, "ValueError")
        XCTAssertTrue(sink.stdout.hasPrefix("Wall time: "))
    }

    func testMagicsSetSeedAndThreadsAndHelpOpensAPage() {
        let session = Session()
        let outcome = session.run("%seed 42\n%threads 3\n%help print\nx = 1", output: RecordingSink())
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(session.seed, 42)
        XCTAssertEqual(session.threads, 3)
        XCTAssertEqual(
            outcome.pages,
            [
                "print(values…, stream=\"stdout\")\n    Writes the values to the cell's output (stream=\"stderr\" for warnings), separated by spaces; strings appear bare."
                    + "\n    values: what to write; strings appear without quotes\n    stream: \"stdout\", or \"stderr\" for warnings"
            ])
        _ = session.run("seed(7)", output: RecordingSink())
        XCTAssertEqual(session.seed, 7)
    }

    func testWindowsLineEndingsAreAccepted() {
        let session = Session()
        let outcome = session.run("%seed 3\r\nx = 1 +\r\n  2\r\nx\r\n", output: RecordingSink())
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "3")
        XCTAssertEqual(session.seed, 3)
        XCTAssertEqual(session.completeness("x = (1 +\r\n"), .incomplete(indent: "    "))
    }

    func testMagicsAfterBlankLinesOrUnicodeSpacesAreStillMagics() {
        for cell in ["\n  \n%seed 5\nx = 1", "\t%seed 5\nx = 1", "\u{00A0}%seed 5\nx = 1", "\u{3000}%seed 5\nx = 1"] {
            let session = Session()
            XCTAssertNil(session.run(cell, output: RecordingSink()).failure, cell.debugDescription)
            XCTAssertEqual(session.seed, 5, cell.debugDescription)
        }
        let plain = Session()
        XCTAssertEqual(plain.run("  \n x = \"%seed 5\"\nx", output: RecordingSink()).result?.plain, "\"%seed 5\"")
        XCTAssertNotEqual(plain.seed, 5)
    }

    func testMagicLinesKeepLaterLineNumbers() {
        let outcome = Session().run("%time\n\nnope", output: RecordingSink())
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 3, column: 1))
    }

    func testEvaluateExpressionReturnsARenderingOrAFailureWithoutPrinting() {
        let session = Session()
        _ = session.run("x = 20", output: RecordingSink())
        XCTAssertEqual(try session.evaluate(expression: "x + 1").get(), Rendering(plain: "21"))
        guard case .failure(let failure) = session.evaluate(expression: "x +") else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.name, "SyntaxError")
        XCTAssertEqual(try session.evaluate(expression: "print(x)").get(), Rendering(plain: "none"))
    }

    func testEvaluateExpressionCannotRebindOrReset() {
        let session = Session()
        _ = session.run("x = 20", output: RecordingSink())
        for statement in ["x = 1", "%reset", "fn x() = 1", "for i in [1] { }", "1; x = 2"] {
            guard case .failure(let failure) = session.evaluate(expression: statement) else { return XCTFail(statement) }
            XCTAssertEqual(failure.name, "SyntaxError", statement)
        }
        XCTAssertEqual(session.boundNames, ["x"])
        XCTAssertEqual(try session.evaluate(expression: "x").get(), Rendering(plain: "20"))
        XCTAssertEqual(try session.evaluate(expression: "if true { x = 3\ny = 4\nx + y } else { 0 }").get(), Rendering(plain: "7"))
        XCTAssertEqual(session.boundNames, ["x"], "an if block's assignments stay in the expression's copy")
        XCTAssertEqual(try session.evaluate(expression: "x").get(), Rendering(plain: "20"))
    }

    func testANameErrorFoundByTheCheckerRunsNothing() {
        let session = Session()
        let sink = RecordingSink()
        let outcome = session.run("made = 1\nprint(\"side effect\")\nmade + mispelled", output: sink)
        XCTAssertEqual(outcome.failure?.name, "NameError")
        XCTAssertEqual(sink.events, [])
        XCTAssertEqual(session.boundNames, [])
    }

    func testEveryErrorKindHasItsUserFacingName() {
        XCTAssertEqual(
            ErrorKind.allCases.map(\.rawValue),
            ["SyntaxError", "NameError", "TypeError", "ValueError", "ShapeError", "ResourceError", "Interrupted", "IndexError"])
    }
}
