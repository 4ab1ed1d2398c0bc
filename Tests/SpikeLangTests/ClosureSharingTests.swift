import XCTest

@testable import SpikeLang

/// Functions share the session's globals instead of copying them: 200 closures made inside a
/// function in a session of 10,000 bindings once copied all 10,000 into each (+855 MB).
final class ClosureSharingTests: XCTestCase {
    private func run(_ session: Session, _ code: String) -> CellOutcome {
        session.run(code, output: RecordingSink())
    }

    func testClosuresMadeInsideAFunctionHoldNoCopyOfTheSessionsBindings() throws {
        let session = Session()
        let manyBindings = (0..<10_000).map { "b\($0) = [\($0), \"\($0)\"]" }.joined(separator: "\n")
        XCTAssertNil(run(session, manyBindings).failure)
        let made = run(
            session,
            """
            fn make(k) {
              fn inner() = k + b9999[0]
              inner
            }
            closures = []
            for i in range(200) { closures = closures + [make(i)] }
            closures[199]()
            """)
        XCTAssertEqual(made.result?.plain, "10198")
        guard case .list(let closures) = session.bindings["closures"] else { return XCTFail("no list of closures") }
        XCTAssertEqual(closures.count, 200)
        var retained = 0
        for value in closures {
            guard case .function(let closure) = value else { return XCTFail("not a closure: \(value.typeName)") }
            XCTAssertTrue(closure.globals === session.globals, "the closure reads the session's own globals")
            retained += closure.enclosing.count
        }
        XCTAssertEqual(retained, 200, "each closure keeps only the enclosing call's parameter k")
    }

    func testATopLevelFunctionCapturesNothing() {
        let session = Session()
        XCTAssertNil(run(session, "a = 1\nb = 2\nfn f(x) = x + a + b").failure)
        guard case .function(let closure) = session.bindings["f"] else { return XCTFail("f is not a function") }
        XCTAssertTrue(closure.enclosing.isEmpty)
        XCTAssertFalse(closure.isNested)
    }

    func testAFunctionSeesTheCurrentValueOfAGlobalWhenItRuns() {
        let session = Session()
        XCTAssertNil(run(session, "x = 1\nfn f() = x").failure)
        XCTAssertEqual(run(session, "x = [2]\nf()").result?.plain, "[2]")
        XCTAssertEqual(run(session, "x = 3\nf()").result?.plain, "3")
    }

    func testFunctionsCallEachOtherThroughTheirGlobalNames() {
        let session = Session()
        XCTAssertNil(run(session, "fn ping(n) = \"placeholder\"").failure)
        XCTAssertNil(run(session, "fn pong(n) = if n == 0 { \"pong\" } else { ping(n - 1) }").failure)
        XCTAssertNil(run(session, "fn ping(n) = if n == 0 { \"ping\" } else { pong(n - 1) }").failure)
        XCTAssertEqual(run(session, "[ping(3), ping(4), pong(5)]").result?.plain, "[\"pong\", \"ping\", \"ping\"]")
    }

    func testResetEmptiesTheGlobalsFunctionsSee() {
        let session = Session()
        XCTAssertNil(run(session, "x = 1\nfn f() = x\ng = f").failure)
        XCTAssertNil(run(session, "%reset").failure)
        XCTAssertTrue(session.globals.bindings.isEmpty)
    }

    func testAFunctionReleasedWithItsSessionReleasesWhatItCaptured() {
        weak var globals: Globals?
        do {
            let session = Session()
            XCTAssertNil(run(session, "fn outer(k) {\n  fn inner() = k\n  inner\n}\ng = outer(1)\nfn f() = g()").failure)
            globals = session.globals
        }
        // The session hands its bindings to its evaluation thread to release them there.
        let deadline = Date().addingTimeInterval(10)
        while globals != nil, Date() < deadline { usleep(1_000) }
        XCTAssertNil(globals, "the cycle globals → function → globals is broken when the session goes")
    }
}
