import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

final class BusyIdleTests: XCTestCase {
    func testEveryKindOfRequestIsWrappedInBusyThenIdle() {
        let harness = KernelHarness()
        let requests = [
            harness.request("kernel_info_request"),
            harness.execute("print hi\nresult 1"),
            harness.execute("fail E boom", stopOnError: false),
            harness.request("complete_request", ["code": "al", "cursor_pos": 2]),
            harness.request("inspect_request", ["code": "known", "cursor_pos": 1]),
            harness.request("is_complete_request", ["code": "x"]),
            harness.request("history_request", ["hist_access_type": "tail", "n": 5]),
            harness.request("comm_info_request"),
            harness.request("interrupt_request"),
            harness.request("debug_request"),
            harness.request("execute_request", ["silent": true])
        ]
        harness.serve(requests)
        for request in requests {
            assertWrappedInBusyIdle(request, in: harness.sink)
        }
        let commOpen = harness.request("comm_open", ["comm_id": "c", "target_name": "nobody"])
        harness.serve([commOpen])
        assertWrappedInBusyIdle(commOpen, in: harness.sink, expectReply: false)
    }

    func testStreamOutputIsSentBeforeTheReplyAndTheIdle() {
        let harness = KernelHarness()
        let request = harness.execute("print one\nprint two\nwarn three")
        harness.serve([request])
        let sequence = harness.sink.caused(by: request.header.messageID).map {
            "\($0.channel.rawValue):\($0.message.type)"
        }
        XCTAssertEqual(
            sequence,
            [
                "iopub:status", "iopub:execute_input", "iopub:stream", "iopub:stream", "shell:execute_reply",
                "iopub:status"
            ])
    }

    func testStartingIsAnnouncedWithAnEmptyParent() {
        let harness = KernelHarness()
        harness.control.announceStarting()
        let first = harness.sink.sent.first
        XCTAssertEqual(first?.message.type, "status")
        XCTAssertEqual(first?.message.content["execution_state"], "starting")
        XCTAssertEqual(first?.message.parentHeader, [:])
    }

    func testOutgoingHeadersAreFreshAndCarryTheKernelSession() {
        let harness = KernelHarness()
        harness.serve((0..<20).map { _ in harness.request("kernel_info_request") })
        let headers = harness.sink.sent.map(\.message.header)
        XCTAssertEqual(Set(headers.map(\.messageID)).count, headers.count)
        XCTAssertEqual(Set(headers.map(\.session)), ["kernel-session"])
        XCTAssertEqual(Set(headers.map(\.version)), ["5.5"])
    }
}
