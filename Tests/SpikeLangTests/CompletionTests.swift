import SpikeLang
import XCTest

final class CompletionTests: XCTestCase {
    private func session(_ setup: String) -> Session {
        let session = Session()
        let outcome = session.run(setup, output: RecordingSink())
        XCTAssertNil(outcome.failure, "setup failed: \(outcome.failure?.message ?? "")")
        return session
    }

    func testBindingsBuiltinsAndKeywordsCompleteAPrefix() {
        let session = session("length_of_run = 3")
        let result = session.complete("le", cursor: 2)
        XCTAssertEqual(result.matches, ["leaky", "learnable", "len", "length_of_run"])
        XCTAssertEqual(result.start, 0)
        XCTAssertEqual(result.end, 2)
        XCTAssertTrue(session.complete("fo", cursor: 2).matches.contains("for"))
    }

    func testNamedArgumentsOfTheEnclosingCallComeFirst() {
        let session = session("fn neuron(tau=2, threshold=1) = tau")
        let result = session.complete("neuron(ta", cursor: 9)
        XCTAssertEqual(result.matches.first, "tau=")
        XCTAssertEqual(result.start, 7)
        let second = session.complete("neuron(tau=3, th", cursor: 16)
        XCTAssertEqual(second.matches.first, "threshold=")
        XCTAssertEqual(session.complete("len(", cursor: 4).matches.first, "x=")
    }

    func testLibraryFunctionsOfferTheirNamedArgumentsFromTheirDeclaration() {
        let result = Session().complete("simulate(lif(ta", cursor: 15)
        XCTAssertEqual(result.matches.first, "tau=")
        XCTAssertEqual(result.start, 13)
        XCTAssertEqual(Session().complete("cpg(pairs=5, ", cursor: 13).matches.prefix(4), ["pairs=", "tau=", "threshold=", "index="])
    }

    func testMembersOfATraceComplete() {
        let session = session("t = simulate(lif())")
        XCTAssertEqual(session.complete("t.fi", cursor: 4).matches, ["first_spike", "firing_rate"])
    }

    func testNamedArgumentsAreNotOfferedInTheMiddleOfAnExpression() {
        let session = session("fn neuron(tau=2) = tau\ntarget = 1")
        XCTAssertEqual(session.complete("neuron(1 + ta", cursor: 13).matches, ["table", "target"])
    }

    func testMembersOfARecordCompleteAfterADot() {
        let session = session("config = {tau: 2, threshold: 1, inner: {depth: 3}}")
        XCTAssertEqual(session.complete("config.t", cursor: 8).matches, ["tau", "threshold"])
        XCTAssertEqual(session.complete("config.inner.", cursor: 13).matches, ["depth"])
        XCTAssertEqual(session.complete("config.t", cursor: 8).start, 7)
        XCTAssertEqual(session.complete("nothing.", cursor: 8).matches, [])
    }

    func testNothingCompletesAfterTheDotOfACallOrAnElementRatherThanEveryGlobal() {
        let session = session("n = lif(tau=2)\nxs = [n]")
        for code in ["lif(tau=2).", "simulate(n, 1.0).fi", "xs[0].", "(n).", "str(1)."] {
            XCTAssertEqual(session.complete(code, cursor: code.unicodeScalars.count).matches, [], code)
        }
        XCTAssertEqual(session.complete("0..le", cursor: 5).matches, ["leaky", "learnable", "len"])
    }

    func testCursorPositionsCountCodePointsAcrossAstralCharacters() {
        let session = session("value = 1")
        // "😀" is one code point but two UTF-16 units and one Character.
        let code = "x = \"😀\" + va"
        let cursor = code.unicodeScalars.count
        let result = session.complete(code, cursor: cursor)
        XCTAssertEqual(result.matches, ["value", "values"])  // the binding, then the builtin
        XCTAssertEqual(result.start, cursor - 2)
        XCTAssertEqual(result.end, cursor)
    }

    func testCursorPositionsCountCombiningMarksAsSeparateCodePoints() {
        let session = session("cafe\u{301}_total = 1")
        // "é" written as e + U+0301 is one Character but two code points.
        let code = "cafe\u{301}_t"
        let cursor = code.unicodeScalars.count
        XCTAssertEqual(code.count, 6)
        XCTAssertEqual(cursor, 7)
        let result = session.complete(code, cursor: cursor)
        XCTAssertEqual(result.matches, ["cafe\u{301}_total"])
        XCTAssertEqual(result.start, 0)
        XCTAssertEqual(result.end, 7)
    }

    func testACursorInTheMiddleCompletesThePrefixBeforeIt() {
        let session = session("alpha = 1\nalphabet = 2")
        let result = session.complete("alph + 1", cursor: 3)
        XCTAssertEqual(result.matches, ["alpha", "alphabet"])
        XCTAssertEqual(result.start, 0)
        XCTAssertEqual(result.end, 3)
    }

    func testNothingIsCompletedInsideAString() {
        XCTAssertEqual(Session().complete("print(\"le", cursor: 9).matches, [])
        XCTAssertEqual(Session().complete("print(\"a\", le", cursor: 13).matches.first, "leaky")
    }

    func testMagicNamesCompleteAfterAPercentSign() {
        XCTAssertEqual(Session().complete("%ti", cursor: 3).matches, ["time", "timeit"])
    }

    func testOutOfRangeCursorsAreClampedNotCrashing() {
        XCTAssertEqual(Session().complete("le", cursor: 99).end, 2)
        XCTAssertEqual(Session().complete("le", cursor: -5).start, 0)
    }

    func testInspectShowsSignatureDefaultsAndSummary() {
        let session = session("fn neuron(tau=2, threshold=1) = tau")
        XCTAssertEqual(session.inspect("neuron(ta", cursor: 9), "neuron(tau=2, threshold=1)\n    a function defined in this notebook")
        XCTAssertEqual(
            session.inspect("len", cursor: 1),
            "len(x)\n    The number of items of a list, characters of a string, fields of a record, integers of a range or rows of a tensor."
                + "\n    x: a list, string, record, range or tensor")
        XCTAssertNil(session.inspect("unknown_thing", cursor: 3))
        XCTAssertEqual(session.inspect("for i in xs { }", cursor: 1)?.hasPrefix("for x in sequence"), true)
        XCTAssertEqual(session.inspect("neuron", cursor: 0)?.hasPrefix("neuron("), true)
    }

    func testEachCandidateCarriesItsKindAndTheSignatureHelpShows() throws {
        let session = session("fn lift(x, gain=2) = x * gain\nlimit = 3")
        let items = session.complete("li", cursor: 2).items
        let lif = try XCTUnwrap(items.first { $0.text == "lif" })
        XCTAssertEqual(lif.kind, .function)
        XCTAssertEqual(lif.signature, session.inspect("lif", cursor: 0)?.components(separatedBy: "\n").first)
        XCTAssertTrue(lif.signature.hasPrefix("lif(tau="), lif.signature)
        XCTAssertEqual(items.first { $0.text == "lift" }, CompletionItem(text: "lift", kind: .function, signature: "lift(x, gain=2)"))
        XCTAssertEqual(items.first { $0.text == "limit" }, CompletionItem(text: "limit", kind: .instance))
        XCTAssertEqual(session.complete("fo", cursor: 2).items.first { $0.text == "for" }?.kind, .keyword)
        XCTAssertEqual(session.complete("%ti", cursor: 3).items.map(\.kind), [.magic, .magic])
        let named = session.complete("lift(1, ga", cursor: 10).items.first
        XCTAssertEqual(named, CompletionItem(text: "gain=", kind: .param, signature: "lift(x, gain=2)"))
    }
}
