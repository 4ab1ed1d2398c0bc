import XCTest

@testable import SpikeLang

/// Anonymous functions, comprehensions and the builtins that take a function: how they parse,
/// how errors inside them are traced, and that they poll interrupts and respect the memory
/// budget as `for` and list building do. (Their values and messages are in the golden files
/// functional.spk, functional_errors.spk and forward_reference.spk.)
final class FunctionalFormTests: XCTestCase {
    private func run(_ session: Session, _ cell: String) -> CellOutcome {
        session.run(cell, output: RecordingSink())
    }

    func testAnonymousFunctionsAndComprehensionsParseAsExpressionsWhileFnNameStaysAStatement() {
        let cases: [(String, String)] = [
            ("fn(x, y=2) = x + y", "(fn (x y=2) (+ x y))"),
            ("f = fn(x) { y = x\n y }", "(= f (fn (x) {(= y x); y}))"),
            ("map(fn(x) = x * 2, xs)", "(call map (fn (x) (* x 2)) xs)"),
            ("(fn() = 1)()", "(call (fn () 1))"),
            ("fn f(x) = x", "(fn f (x) x)"),
            ("[x * 2 for x in xs]", "(for x xs (* x 2))"),
            ("[x for x in 0..n if x % 2 == 0]", "(for x (.. 0 n) (if (== (% x 2) 0)) x)"),
            ("[[i for i in r] for r in rows]", "(for r rows (for i r i))"),
            ("[\n  x\n  for x in xs\n  if p(x)\n]", "(for x xs (if (call p x)) x)"),
            ("[x for x in {a: 1}]", "(for x {a:1} x)"),
            ("[x, y for x in xs]", "SyntaxError at 1:7: expected ']', found 'for'")
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SExpression.parse(source), expected, source)
        }
    }

    func testDeeplyNestedComprehensionsAreASyntaxErrorNotACrash() {
        let depth = 300
        let source = String(repeating: "[x for x in ", count: depth) + "xs" + String(repeating: "]", count: depth)
        let (_, diagnostics) = Parser.parse(source)
        XCTAssertEqual(diagnostics.first?.problem, .tooDeeplyNested(limit: Parser.nestingLimit))
    }

    func testAnErrorInsideAnAnonymousFunctionNamesItByLineInTheCallChain() {
        let outcome = run(Session(), "fn bad(x) = x / 0\nh = fn(v) = bad(v)\nh(1)")
        XCTAssertEqual(
            outcome.failure?.traceback,
            [
                "ValueError at 1:13: division by zero",
                "1 | fn bad(x) = x / 0",
                "  |             ^^^^^",
                "called in <fn at line 2> at 2:13:",
                "2 | h = fn(v) = bad(v)",
                "  |             ^^^^^^",
                "called at 3:1:",
                "3 | h(1)",
                "  | ^^^^"
            ])
    }

    func testAnErrorInsideAnAnonymousFunctionFromAnEarlierCellNamesItByItsLineThere() {
        let session = Session()
        XCTAssertNil(run(session, "\nhalf = fn(v) = v / 0").failure)
        let outcome = run(session, "map(half, [1])")
        XCTAssertEqual(outcome.failure?.traceback.dropFirst(3).first, "in <fn at line 2>, defined in an earlier cell, at 2:16:")
    }

    func testAnErrorInAFunctionThatMapCallsShowsTheMapCallInTheChain() {
        let outcome = run(Session(), "fn inverse(x) = 1 / x\nys = map(inverse, [1, 0])")
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 17))
        XCTAssertEqual(
            outcome.failure?.traceback.suffix(3), ["called at 2:6:", "2 | ys = map(inverse, [1, 0])", "  |      ^^^^^^^^^^^^^^^^^^^^"])
    }

    func testAComprehensionThatFailsLeavesNeitherItsVariableNorAResultBound() {
        let session = Session()
        XCTAssertEqual(run(session, "kept = 1\nys = [1 / (v - 2) for v in 0..5]").failure?.name, "ValueError")
        XCTAssertEqual(run(session, "v").failure?.name, "NameError")
        XCTAssertEqual(run(session, "ys").failure?.name, "NameError")
        XCTAssertEqual(run(session, "kept").result?.plain, "1")
    }

    func testAComprehensionInsideAFunctionKeepsTheCallsLocalsAndLeavesThemUnchanged() {
        let session = Session()
        let cell = "fn f(n) {\n  v = \"outer\"\n  ys = [v * n for v in 0..3]\n  [ys, v]\n}\nf(2)"
        XCTAssertEqual(run(session, cell).result?.plain, "[[0, 2, 4], \"outer\"]")
    }

    func testAnInterruptEndsALongComprehensionAtItsSequenceWithNothingBound() {
        let session = Session()
        let sink = RecordingSink(cancelAfterPolls: 2)
        let outcome = session.run("big = [i for i in 0..1000000000]", output: sink)
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 19))
        XCTAssertEqual(sink.polls, 3, "the comprehension ran on after the interrupt")
        XCTAssertEqual(run(session, "big").failure?.name, "NameError")
    }

    func testAnInterruptEndsMapAndFilterOverALongRange() {
        for cell in ["big = map(fn(i) = i, 0..1000000000)", "big = filter(fn(i) = true, 0..1000000000)"] {
            let sink = RecordingSink(cancelAfterPolls: 100)
            let outcome = Session().run(cell, output: sink)
            XCTAssertEqual(outcome.failure?.name, "Interrupted", cell)
            XCTAssertEqual(sink.polls, 101, cell)
        }
    }

    func testAComprehensionOrMapBeyondTheMemoryBudgetIsAResourceErrorBeforeItAllocatesIt() {
        let budget = 1 << 20
        let session = Session(memoryBudget: budget)
        let stride = MemoryLayout<Value>.stride
        for cell in ["[i for i in 0..1000000000]", "map(fn(i) = i, 0..1000000000)", "filter(fn(i) = true, 0..1000000000)"] {
            guard case .memoryBudget(let requested, let limit)? = run(session, cell).failure?.diagnostics.first?.problem else {
                return XCTFail("\(cell) did not fail on the budget")
            }
            XCTAssertEqual(limit, budget, cell)
            // The check comes at the growth that would first pass the budget, not later.
            XCTAssertGreaterThan(requested, budget, cell)
            XCTAssertLessThanOrEqual(requested, 2 * budget + 32 * stride, cell)
        }
        XCTAssertEqual(run(session, "len([i for i in 0..1000])").result?.plain, "1000")
    }

    func testSortedIsStableForEqualKeysInBothDirections() {
        // Pairs [key, position] with many equal keys; the oracle is an insertion sort, stable by construction.
        var state: UInt64 = 12_345
        let keys = (0..<200).map { _ -> Int in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 60) % 5
        }
        let pairs = keys.enumerated().map { position, key in [key, position] }
        let literal = "[" + pairs.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ") + "]"
        func insertionSorted(descending: Bool) -> [[Int]] {
            var sorted: [[Int]] = []
            for pair in pairs {
                let index = sorted.lastIndex { descending ? $0[0] >= pair[0] : $0[0] <= pair[0] }.map { $0 + 1 } ?? 0
                sorted.insert(pair, at: index)
            }
            return sorted
        }
        for descending in [false, true] {
            let expected = "[" + insertionSorted(descending: descending).map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ") + "]"
            let cell = "sorted(\(literal), key=fn(p) = p[0], reverse=\(descending))"
            XCTAssertEqual(run(Session(), cell).result?.plain, expected, "reverse=\(descending)")
        }
    }

    func testTheCheckerAcceptsLaterTopLevelNamesOnlyInsideFunctionBodies() {
        func names(_ source: String) -> [String] {
            let (program, diagnostics) = Parser.parse(source)
            XCTAssertEqual(diagnostics, [], source)
            return Checker.check(program, outer: OuterNames(bindings: [:], library: Library())).map {
                guard case .undefinedName(let name, _) = $0.problem else { return "?" }
                return name
            }
        }
        XCTAssertEqual(names("fn a() = b()\nfn b() = later\nlater = 1"), [])
        XCTAssertEqual(names("g = fn() = later\nif true { later = 1 }"), [])
        XCTAssertEqual(names("print(later)\nlater = 1"), ["later"])
        XCTAssertEqual(names("xs = [later for i in 0..2]\nlater = 1"), ["later"])
        XCTAssertEqual(names("fn a() = inside\nfn b() { inside = 1 }"), ["inside"])
        XCTAssertEqual(names("fn a() = i\nys = [i for i in 0..2]"), ["i"])
    }
}
