import JupyterKernel
import JupyterWire
import XCTest

final class AbortQueueTests: XCTestCase {
    func testAFailureAbortsEveryExecuteAlreadyQueuedAndAnswersTheRest() {
        let harness = KernelHarness()
        let ok = harness.execute("print first")
        let failing = harness.execute("fail ValueError bad")
        let queued = (0..<5).map { harness.execute("print never \($0)") }
        let info = harness.request("kernel_info_request")
        harness.serve([ok, failing] + queued.prefix(2) + [info] + queued.suffix(3))

        for request in queued {
            let reply = harness.sink.reply(to: request.header.messageID)?.message.content
            XCTAssertEqual(reply, ["status": "aborted", "execution_count": 2])
            XCTAssertEqual(
                harness.sink.iopubTypes(for: request.header.messageID), ["status", "status"],
                "aborted cells publish no output")
            assertWrappedInBusyIdle(request, in: harness.sink)
        }
        XCTAssertEqual(harness.sink.reply(to: info.header.messageID)?.message.content["status"], "ok")
        XCTAssertEqual(harness.sink.reply(to: ok.header.messageID)?.message.content["status"], "ok")
        XCTAssertEqual(harness.sink.reply(to: failing.header.messageID)?.message.content["status"], "error")
    }

    func testRequestsArrivingAfterTheQueueDrainedRunNormally() {
        let harness = KernelHarness()
        harness.serve([harness.execute("fail E x"), harness.execute("print aborted")])
        let later = harness.execute("count")
        let reply = harness.replyContent(to: later)
        XCTAssertEqual(reply["status"], "ok")
        XCTAssertEqual(reply["execution_count"], 2)
        XCTAssertEqual(harness.published("execute_result", later).first?["data"], ["text/plain": "2"])
    }

    func testStopOnErrorFalseLeavesTheQueueRunning() {
        let harness = KernelHarness()
        let next = harness.execute("count")
        harness.serve([harness.execute("fail E x", stopOnError: false), next])
        XCTAssertEqual(harness.sink.reply(to: next.header.messageID)?.message.content["status"], "ok")
    }

    func testTheFailingRequestReportsTheAbortActionToItsLoop() {
        let harness = KernelHarness()
        XCTAssertEqual(harness.kernel.handle(harness.execute("fail E x"), on: .shell), .abortQueuedExecutions)
        XCTAssertEqual(harness.kernel.handle(harness.execute("print fine"), on: .shell), .none)
    }
}
