import XCTest

@testable import SpikeLang

/// An interrupt that arrives while a cell is parsed or checked is not lost when the cell would
/// finish without ever polling: it ends the cell as `Interrupted` before anything runs.
final class InterruptBetweenPhasesTests: XCTestCase {
    private func session(with setup: String) -> Session {
        let session = Session()
        XCTAssertNil(session.run(setup, output: RecordingSink()).failure)
        return session
    }

    func testAnInterruptRaisedBeforeEvaluationEndsTheCellWithoutSideEffects() {
        let session = session(with: "x = 1")
        let outcome = session.run("x = 2\ny = 3\nprint(\"ran\")", output: RecordingSink(cancelAfterPolls: 0))
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        XCTAssertNil(outcome.result)
        XCTAssertEqual(session.run("x", output: RecordingSink()).result?.plain, "1")
        XCTAssertEqual(session.run("y", output: RecordingSink()).failure?.name, "NameError")
    }

    func testAnInterruptRaisedDuringTheCheckIsSeenBeforeEvaluation() {
        let session = session(with: "x = 1")
        let sink = RecordingSink(cancelAfterPolls: 1)
        let outcome = session.run("x = 2", output: sink)
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        XCTAssertEqual(sink.polls, 2, "one poll after parsing, one after checking")
        XCTAssertEqual(session.run("x", output: RecordingSink()).result?.plain, "1")
    }

    func testAnUninterruptedCellPollsAtEachBoundaryAndRuns() {
        let session = session(with: "x = 1")
        let sink = RecordingSink(cancelAfterPolls: 2)
        XCTAssertEqual(session.run("x = 2\nx", output: sink).result?.plain, "2")
        XCTAssertEqual(sink.polls, 2)
    }

    func testSyntaxErrorsStillWinOverAnInterrupt() {
        let outcome = Session().run("x = (", output: RecordingSink(cancelAfterPolls: 0))
        XCTAssertEqual(outcome.failure?.name, "SyntaxError")
    }
}
