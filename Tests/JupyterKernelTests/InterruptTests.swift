import Foundation
import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

final class InterruptTests: XCTestCase {
    func testAnInterruptOnControlStopsARunningCellWhichStillRepliesAndGoesIdle() throws {
        let harness = KernelHarness()
        let (spin, queue, served) = harness.startSpinning()

        let after = harness.execute("count")
        queue.push(after)
        let interrupt = harness.request("interrupt_request")
        XCTAssertEqual(harness.control.handle(interrupt), .none)
        XCTAssertEqual(harness.sink.reply(to: interrupt.header.messageID)?.channel, .control)
        XCTAssertEqual(harness.sink.reply(to: interrupt.header.messageID)?.message.content, ["status": "ok"])

        queue.close()
        XCTAssertEqual(served.wait(timeout: .now() + 5), .success, "shell loop did not finish")

        let reply = try XCTUnwrap(harness.sink.reply(to: spin.header.messageID)?.message.content)
        XCTAssertEqual(reply["status"], "error")
        XCTAssertEqual(reply["ename"], "Interrupted")
        assertWrappedInBusyIdle(spin, in: harness.sink)
        assertWrappedInBusyIdle(interrupt, in: harness.sink)
        let afterReply = harness.sink.reply(to: after.header.messageID)?.message.content
        XCTAssertEqual(afterReply?["status"], "aborted", "the queued cell was aborted by stop_on_error")
    }

    func testTheNextExecutionStartsWithTheFlagCleared() {
        let harness = KernelHarness()
        harness.control.cancellation.set()
        let reply = harness.replyContent(to: harness.execute("count"))
        XCTAssertEqual(reply["status"], "ok")
        XCTAssertFalse(harness.control.cancellation.isSet)
    }

    func testAnInterruptOnShellIsAcceptedToo() {
        let harness = KernelHarness()
        let reply = harness.replyContent(to: harness.request("interrupt_request"))
        XCTAssertEqual(reply, ["status": "ok"])
        XCTAssertTrue(harness.control.cancellation.isSet)
    }
}
