import Foundation
import XCTest

@testable import SpikeLang

final class EvaluationThreadTests: XCTestCase {
    /// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it.
    private func onThread(stackSize: Int, _ body: @escaping () -> Void) {
        let done = expectation(description: "thread finished")
        // Invariant: this function waits for the thread to finish, so `body` and what it captures
        // are used by one thread at a time (the thread, then the caller).
        nonisolated(unsafe) let body = body
        let thread = Thread {
            body()
            done.fulfill()
        }
        thread.stackSize = stackSize
        thread.start()
        wait(for: [done], timeout: 30)
    }

    func testACallerWithTheEvaluationStackRunsTheWorkInPlace() {
        let evaluation = EvaluationThread()
        defer { evaluation.stop() }
        var caller: Thread?
        var worker: Thread?
        onThread(stackSize: EvaluationThread.stackSize) {
            caller = Thread.current
            worker = evaluation.run { Thread.current }
        }
        XCTAssertNotNil(caller)
        XCTAssertTrue(caller === worker)
    }

    func testACallerWithASmallStackHandsTheWorkToALargeStackThread() {
        let evaluation = EvaluationThread()
        defer { evaluation.stop() }
        var caller: Thread?
        var worker: Thread?
        var workerStack = 0
        onThread(stackSize: 1 << 20) {
            caller = Thread.current
            (worker, workerStack) = evaluation.run { (Thread.current, Thread.current.stackSize) }
        }
        XCTAssertNotNil(worker)
        XCTAssertFalse(caller === worker)
        XCTAssertGreaterThanOrEqual(workerStack, EvaluationThread.stackSize)
    }

    func testASessionKeepsItsBindingsWhicheverThreadRunsItsCells() {
        let session = Session()
        var results: [String?] = []
        onThread(stackSize: Session.evaluationStackSize) {
            results.append(session.run("x = 20\nx + 1", output: SilentSink()).result?.plain)
        }
        onThread(stackSize: 1 << 20) {
            results.append(session.run("x * 2", output: SilentSink()).result?.plain)
        }
        XCTAssertEqual(results, ["21", "40"])
    }
}
