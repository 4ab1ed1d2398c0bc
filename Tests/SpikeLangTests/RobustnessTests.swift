import XCTest

@testable import SpikeLang

/// Nothing a user types may crash the process: seeded random cells — token soup, truncated
/// programs, stray Unicode — go through every entry point, and every cursor position.
final class RobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    private struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func pick<T>(_ items: [T]) -> T {
            items[Int(next() % UInt64(items.count))]
        }
    }

    private static let pieces = [
        "x", "y", "lif", "simulate", "cpg", "encode", "tensor", "plot", "table", "f", "(", ")", "[", "]", "{", "}",
        ",", ":", ";", "\n", "=", "==", "+", "-", "*", "/", "%", "**", ">>", "..", ".", "<", ">=", "and", "or",
        "not", "if", "else", "for", "in", "fn", "true", "none", "1", "0", "-1", "2.5", "1e309", "1e-3", "10_0",
        "\"s\"", "\"", "\\", "#", "%time", "%who", "τ", "😀", "e\u{301}", "\u{0}", "\t", " ", "tau=", "steps=",
        "len", "range", "print", "help", "display", "t.shape", "x[0]", "x[:1]", "x[-1]"
    ]

    func testRandomCellsNeverCrashAnyEntryPoint() {
        var generator = Generator(state: 42)
        let session = Session()
        _ = session.run("x = [1, 2, 3]\ny = {a: 1}\nfn f(a, b=2) = a + b\nt = tensor([[1, 2]])", output: RecordingSink())
        for _ in 0..<400 {
            let count = Int(generator.next() % 24) + 1
            let cell = (0..<count).map { _ in generator.pick(Self.pieces) }.joined(separator: generator.pick(["", " "]))
            let outcome = session.run(cell, output: RecordingSink(cancelAfterPolls: 10_000))
            if let failure = outcome.failure {
                XCTAssertTrue(ErrorKind.allCases.map(\.rawValue).contains(failure.name), cell)
                XCTAssertFalse(failure.traceback.isEmpty, cell)
            }
            _ = session.completeness(cell)
            let length = cell.unicodeScalars.count
            for cursor in stride(from: 0, through: length, by: max(1, length / 6)) {
                let completion = session.complete(cell, cursor: cursor)
                XCTAssertTrue(0 <= completion.start && completion.start <= completion.end && completion.end <= length, cell)
                _ = session.inspect(cell, cursor: cursor)
            }
            _ = session.evaluate(expression: cell)
        }
    }

    /// Two million levels: past the ~1.46 million at which Swift's recursive release
    /// overflowed the evaluation thread's 512 MB stack (SIGSEGV, nothing on stderr).
    func testValuesNestedTwoMillionDeepAreReleasedComparedAndShownWithoutExhaustingTheStack() {
        let session = Session()
        let build = "x = []\nfor i in range(2e6) { x = [x] }\nr = {a: x}\ny = x"
        XCTAssertNil(session.run(build, output: RecordingSink()).failure)
        XCTAssertEqual(session.run("x == y", output: RecordingSink()).result?.plain, "true")
        XCTAssertEqual(session.run("[x] == y", output: RecordingSink()).result?.plain, "false")
        XCTAssertEqual(session.run("{a: y} == r", output: RecordingSink()).result?.plain, "true")
        let apart = "u = []\nv = []\nfor i in range(3e5) { u = [u]\nv = [v] }\n"
        XCTAssertEqual(
            session.run(apart + "u == v", output: RecordingSink()).result?.plain, "true",
            "equal values built apart are compared to the bottom")
        XCTAssertEqual(session.run("u == [v]", output: RecordingSink()).result?.plain, "false")
        let shown = session.run("x", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("[[[[") && shown.contains("[…]"), String(shown.prefix(20)))
        XCTAssertLessThan(shown.count, 1_000, "printing stops at the depth limit")
        XCTAssertNil(session.run("x = 0\ny = 0\nu = 0", output: RecordingSink()).failure, "rebinding releases")
        XCTAssertNil(session.run("%reset\nz = 1", output: RecordingSink()).failure, "%reset releases r")
        XCTAssertEqual(session.run("r", output: RecordingSink()).failure?.name, "NameError")
        XCTAssertEqual(session.run("z + 1", output: RecordingSink()).result?.plain, "2")
    }

    func testReleasingNestedListsAndRecordsOffTheEvaluationThreadDoesNotRecurse() {
        var value = Value.list([])
        for _ in 0..<200_000 { value = .list([value, .record(Record([Record.Field(name: "a", value: value)]))]) }
        releaseOnASmallStack(value)
    }

    func testAChainOfFunctionsEachHoldingThePreviousIsReleasedAndShownWithoutRecursing() {
        let session = Session()
        let chains = """
            fn wrap(k) {
              fn inner() = k
              inner
            }
            x = 0
            fn g() = 0
            for i in range(2e5) {
              x = wrap(x)
              fn g(p=g) = i
            }
            """
        XCTAssertNil(session.run(chains, output: RecordingSink()).failure)
        let shown = session.run("g", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("<fn g(p=<fn g(p=<fn g(p=") && shown.contains("g(…)"), String(shown.prefix(40)))
        XCTAssertEqual(session.run("g()", output: RecordingSink()).result?.plain, "199999")
        let captured = [session.bindings["x"], session.bindings["g"]].compactMap { $0 }
        XCTAssertNil(session.run("%reset", output: RecordingSink()).failure)
        for value in captured { releaseOnASmallStack(value) }
    }

    func testListsStayValuesWhenShared() {
        let session = Session()
        let outcome = session.run("a = [1, [2]]\nb = a\na = a + [3]\n[a, b]", output: RecordingSink())
        XCTAssertEqual(outcome.result?.plain, "[[1, [2], 3], [1, [2]]]")
    }

    func testALayerWrappedThousandsOfTimesShowsTheOutermostLevelsOnly() {
        let session = Session()
        _ = session.run("b = linear(2)\nfor i in range(2e4) { b = residual(b) }", output: RecordingSink())
        let shown = session.run("b", output: RecordingSink()).result
        let plain = shown?.plain ?? ""
        XCTAssertTrue(plain.hasPrefix("residual(residual(") && plain.contains("(…)"), String(plain.prefix(40)))
        XCTAssertLessThan(plain.count, 2_000, "the text stops at the depth limit")
        XCTAssertLessThan(shown?.html?.count ?? 0, 10_000, "so does the table's name column")
    }

    func testRedefiningAFunctionInALoopDoesNotChainClosures() {
        let session = Session()
        let outcome = session.run("for i in 0..1000 { fn g() = i }\ng()", output: RecordingSink())
        XCTAssertEqual(outcome.result?.plain, "999")
    }

    func testEveryPrefixOfAProgramFailsCleanlyOrRuns() {
        let program = """
            n = lif(tau=2, threshold=1)
            fn spikes(current, steps=12) {
              t = simulate(n, input=current, steps=steps)
              t.spike_steps
            }
            rows = []
            for c in [1.2, 2] { rows = rows + [{current: c, first: first_spike(n, current=c), steps: spikes(c)}] }
            table(rows)
            """
        let scalars = Array(program.unicodeScalars)
        for end in 0...scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[..<end])
            let outcome = Session().run(prefix, output: RecordingSink())
            if let failure = outcome.failure {
                XCTAssertTrue(["SyntaxError", "NameError", "TypeError", "ValueError"].contains(failure.name), "\(failure.name): \(prefix)")
            }
            if case .incomplete = Session().completeness(prefix) {
                XCTAssertEqual(outcome.failure?.name, "SyntaxError", "an incomplete cell should not run: \(prefix)")
            }
        }
    }
}
