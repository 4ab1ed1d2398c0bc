import Foundation
import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

/// The kernel's two halves on two threads, as the runtimes run them: the shell handler made on
/// its own thread and busy with a cell, the `Sendable` control half used from the test's thread.
final class ControlBesideShellTests: XCTestCase {
    func testControlAnswersKernelInfoWhileTheShellHandlerRunsACell() throws {
        let harness = KernelHarness()
        let (spin, queue, served) = harness.startSpinning()

        let info = harness.request("kernel_info_request")
        let asked = Date()
        XCTAssertEqual(harness.control.handle(info), .none)
        let answeredAfter = Date().timeIntervalSince(asked)
        let reply = try XCTUnwrap(harness.sink.reply(to: info.header.messageID))
        XCTAssertEqual(reply.channel, .control)
        XCTAssertEqual(reply.message.content["implementation"], "scripted")
        XCTAssertNil(harness.sink.reply(to: spin.header.messageID), "the cell was still running")
        XCTAssertLessThan(answeredAfter, 1, "kernel_info on control waited for the cell")
        assertWrappedInBusyIdle(info, in: harness.sink)

        _ = harness.control.handle(harness.request("interrupt_request"))
        queue.close()
        XCTAssertEqual(served.wait(timeout: .now() + 5), .success, "shell loop did not finish")
        XCTAssertEqual(harness.sink.reply(to: spin.header.messageID)?.message.content["ename"], "Interrupted")
    }

    func testControlSeesTheCountOfTheCellRunningOnShell() throws {
        let harness = KernelHarness()
        XCTAssertEqual(harness.control.executionCount, 0, "no execution has started")
        let (spin, queue, served) = harness.startSpinning(
            after: [harness.execute("print a"), harness.execute("print b", silent: true), harness.execute("print c")])

        // The oracle: the count the shell published for the running cell (silent ones do not count).
        let published = harness.sink.published("execute_input", for: spin.header.messageID)
        XCTAssertEqual(published.first?["execution_count"], 3)
        XCTAssertEqual(harness.control.executionCount, 3)
        let late = harness.execute("print late")
        harness.control.abort(late, on: .shell)
        let aborted = try XCTUnwrap(harness.sink.reply(to: late.header.messageID)?.message.content)
        XCTAssertEqual(aborted["status"], "aborted")
        XCTAssertEqual(aborted["execution_count"], 3)

        _ = harness.control.handle(harness.request("interrupt_request"))
        queue.close()
        XCTAssertEqual(served.wait(timeout: .now() + 5), .success, "shell loop did not finish")
        XCTAssertEqual(harness.sink.reply(to: spin.header.messageID)?.message.content["execution_count"], 3)
    }

    func testTheShellHandlersCountIsMirroredToControl() {
        let harness = KernelHarness()
        harness.serve([harness.execute("print a"), harness.execute("print b", silent: true), harness.execute("count")])
        XCTAssertEqual(harness.shell.executionCount, 2)
        XCTAssertEqual(harness.control.executionCount, harness.shell.executionCount)
    }

    func testRequestsOnlyShellServesAreRefusedOnControlWithoutTouchingTheCount() {
        let harness = KernelHarness()
        let content: JSONValue = ["code": "x", "cursor_pos": 1, "hist_access_type": "tail", "n": 1]
        let shellOnly = [
            "complete_request", "inspect_request", "is_complete_request", "history_request", "comm_info_request"
        ]
        let requests = shellOnly.map { harness.request($0, content) } + [harness.execute("print x")]
        harness.serve(requests, on: .control)
        for request in requests {
            let reply = harness.sink.reply(to: request.header.messageID)
            XCTAssertEqual(reply?.channel, .control)
            XCTAssertEqual(reply?.message.content["ename"], "UnsupportedRequest", request.type)
            XCTAssertNil(reply?.message.content["execution_count"], request.type)
        }
        XCTAssertTrue(harness.interpreter.seenCursors.isEmpty, "the interpreter was reached from control")
        XCTAssertEqual(harness.control.executionCount, 0)
    }
}
