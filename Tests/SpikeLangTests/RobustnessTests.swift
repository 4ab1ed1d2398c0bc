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
        "len", "range", "print", "help", "display", "t.shape", "x[0]", "x[:1]", "x[-1]",
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

    func testDeeplyNestedValuesShowAndCompareWithoutExhaustingTheStack() {
        let session = Session()
        let outcome = session.run("x = []\nfor i in 0..20000 { x = [x] }\nx == x", output: RecordingSink())
        XCTAssertEqual(outcome.result?.plain, "false", "comparison gives up past the depth limit")
        let shown = session.run("x", output: RecordingSink()).result?.plain ?? ""
        XCTAssertTrue(shown.hasPrefix("[[[[") && shown.contains("[…]"), String(shown.prefix(20)))
        XCTAssertEqual(session.run("[[1], {a: [2]}] == [[1], {a: [2]}]", output: RecordingSink()).result?.plain, "true")
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
