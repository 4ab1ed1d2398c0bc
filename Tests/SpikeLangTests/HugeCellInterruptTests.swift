import XCTest

@testable import SpikeLang

/// Lexing, parsing and checking a huge cell poll the interrupt flag as they go (every
/// `Lexer.pollInterval` code points, `Parser.pollInterval` tokens, `Checker.pollInterval`
/// nodes): once it fires, each phase stops at its next poll and answers only `.interrupted`.
final class HugeCellInterruptTests: XCTestCase {
    /// A check that answers `true` from poll `firesAfter + 1` on, counting polls.
    private final class Flag {
        let firesAfter: Int
        private(set) var polls = 0

        init(firesAfter: Int) {
            self.firesAfter = firesAfter
        }

        var check: () -> Bool {
            { [self] in
                polls += 1
                return polls > firesAfter
            }
        }
    }

    /// `big = [0, 1, …]` with 40,000 items: about 230,000 code points, 80,000 tokens.
    private let list = "big = [" + (0..<40_000).map(String.init).joined(separator: ", ") + "]"
    /// `record = {f0: 0, …}` with 20,000 fields on separate lines.
    private let record = "record = {\n" + (0..<20_000).map { "f\($0): \($0)" }.joined(separator: ",\n") + "\n}"

    func testTheLexerStopsAtItsFirstPollAfterAnInterrupt() {
        for source in [list, record] {
            let uninterrupted = Lexer.tokenize(source).tokens
            // It polls first while reading the source, then while lexing it.
            let readingPolls = source.unicodeScalars.count / Lexer.pollInterval
            for firesAfter in [0, readingPolls - 1, readingPolls, readingPolls + 1] {
                let flag = Flag(firesAfter: firesAfter)
                var lexer = Lexer(source, isCancelled: flag.check)
                lexer.run()
                XCTAssertTrue(lexer.interrupted, "after \(firesAfter) polls")
                XCTAssertEqual(flag.polls, firesAfter + 1)
                XCTAssertEqual(lexer.diagnostics.map(\.problem), [.interrupted])
                XCTAssertEqual(lexer.tokens.last?.kind, .endOfInput)
                XCTAssertLessThan(lexer.tokens.count, uninterrupted.count)
                XCTAssertEqual(lexer.tokens.dropLast().map(\.kind), uninterrupted.prefix(lexer.tokens.count - 1).map(\.kind))
            }
        }
    }

    func testAnUninterruptedLexerGivesTheSameTokens() {
        for source in [list, record, "x = \"é\" + 1\n# done"] {
            let flag = Flag(firesAfter: .max)
            var lexer = Lexer(source, isCancelled: flag.check)
            lexer.run()
            XCTAssertFalse(lexer.interrupted)
            XCTAssertEqual(lexer.tokens, Lexer.tokenize(source).tokens)
            XCTAssertEqual(
                flag.polls, 2 * ((source.unicodeScalars.count - 1) / Lexer.pollInterval),
                "one poll per interval read, one per interval lexed")
        }
    }

    func testTheParserStopsAtItsFirstPollAfterAnInterruptAndReportsOnlyThat() {
        for source in [list, record] {
            let tokens = Lexer.tokenize(source).tokens
            let flag = Flag(firesAfter: 1)
            var parser = Parser(tokens: tokens, isCancelled: flag.check)
            let program = parser.parseProgram()
            XCTAssertEqual(flag.polls, 2)
            // Newlines inside brackets are skipped, not consumed.
            let consumed = tokens.filter { $0.kind != .newline }
            XCTAssertEqual(parser.interruption, consumed[2 * Parser.pollInterval - 1].range, "the token consumed at the second poll")
            XCTAssertTrue(program.statements.isEmpty)

            // Through `parse`: the lexer's polls pass, the parser's first one fires.
            let lexerPolls = Flag(firesAfter: .max)
            var lexer = Lexer(source, isCancelled: lexerPolls.check)
            lexer.run()
            let parsed = Parser.parse(source, isCancelled: Flag(firesAfter: lexerPolls.polls).check)
            XCTAssertEqual(parsed.diagnostics, [Diagnostic(.interrupted, at: consumed[Parser.pollInterval - 1].range)])
            XCTAssertTrue(parsed.program.statements.isEmpty)
        }
    }

    func testAnUninterruptedParseIsUnchanged() {
        for source in [list, record, "x = (", "f(1, a=2, 3)"] {
            let plain = Parser.parse(source)
            let polled = Parser.parse(source, isCancelled: Flag(firesAfter: .max).check)
            XCTAssertEqual(polled.diagnostics, plain.diagnostics)
            XCTAssertEqual(polled.program.statements.count, plain.program.statements.count)
        }
    }

    func testTheCheckerStopsAtItsFirstPollAfterAnInterruptAndReportsOnlyThat() {
        // 5,000 statements `x0 = y0 + 1` …, with y0 … bound and x5000 missing at the end.
        let bindings = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ("y\($0)", Value.number(Double($0))) })
        let outer = OuterNames(bindings: bindings, library: Library())
        let cell = (0..<5_000).map { "x\($0) = y\($0) + 1" }.joined(separator: "\n") + "\nx5000"
        let program = Parser.parse(cell).program
        XCTAssertEqual(Checker.check(program, outer: outer).map(\.range.start.line), [5_001])
        let flag = Flag(firesAfter: 1)
        let diagnostics = Checker.check(program, outer: outer, isCancelled: flag.check)
        XCTAssertEqual(flag.polls, 2)
        XCTAssertEqual(diagnostics.map(\.problem), [.interrupted])
        let never = Flag(firesAfter: .max)
        XCTAssertEqual(Checker.check(program, outer: outer, isCancelled: never.check).map(\.range.start.line), [5_001])
        XCTAssertEqual(
            never.polls, (5_000 * 4 + 2) / Checker.pollInterval + 1,
            "a statement and three expressions each, and one before the search for x5000")
    }

    func testTheCheckerPollsBeforeEachDidYouMeanSearch() {
        let bindings = Dictionary(uniqueKeysWithValues: (0..<1_000).map { ("value_\($0)", Value.number(Double($0))) })
        let outer = OuterNames(bindings: bindings, library: Library())
        let program = Parser.parse("vaule_1\nvaule_2\nvaule_3").program
        let flag = Flag(firesAfter: 1)
        XCTAssertEqual(
            Checker.check(program, outer: outer, isCancelled: flag.check),
            [Diagnostic(.interrupted, at: SourceRange(line: 2, column: 1, length: 7))])
        XCTAssertEqual(flag.polls, 2, "one poll before each search, none after the interrupt")
        let never = Flag(firesAfter: .max)
        XCTAssertEqual(
            Checker.check(program, outer: outer, isCancelled: never.check).map(\.problem),
            (1...3).map { .undefinedName("vaule_\($0)", suggestion: "value_\($0)") })
        XCTAssertEqual(never.polls, 3)
    }

    func testAnInterruptWhileAHugeCellIsReadEndsItBeforeItRuns() {
        let session = Session()
        XCTAssertNil(session.run("kept = 1", output: RecordingSink()).failure)
        for source in [list, record] {
            // Past the two polls at the phase boundaries: only polls inside lexing, parsing or
            // checking can see this interrupt before the cell runs.
            let sink = RecordingSink(cancelAfterPolls: 2)
            let outcome = session.run(source, output: sink)
            XCTAssertEqual(outcome.failure?.name, "Interrupted")
            XCTAssertEqual(outcome.failure?.diagnostics.count, 1)
            XCTAssertEqual(sink.polls, 3)
        }
        XCTAssertEqual(session.run("big", output: RecordingSink()).failure?.name, "NameError")
        XCTAssertEqual(session.run("record", output: RecordingSink()).failure?.name, "NameError")
        XCTAssertEqual(session.run("kept", output: RecordingSink()).result?.plain, "1")
    }
}
