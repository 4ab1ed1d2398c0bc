import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

final class RequestTests: XCTestCase {
    func testKernelInfoIsAnsweredOnControlWithTheInterpretersLanguage() {
        let harness = KernelHarness()
        let request = harness.request("kernel_info_request")
        harness.serve([request], on: .control)
        let reply = harness.sink.reply(to: request.header.messageID)
        XCTAssertEqual(reply?.channel, .control)
        XCTAssertEqual(reply?.message.type, "kernel_info_reply")
        XCTAssertEqual(reply?.message.content["protocol_version"], "5.5")
        XCTAssertEqual(reply?.message.content["implementation"], "scripted")
        XCTAssertEqual(reply?.message.content["language_info"]?["file_extension"], ".scr")
        XCTAssertEqual(reply?.message.content["banner"], "scripted test interpreter")
        assertWrappedInBusyIdle(request, in: harness.sink)
    }

    func testShellOnlyRequestsOnControlGetAnErrorReply() {
        let harness = KernelHarness()
        let request = harness.execute("print x")
        harness.serve([request], on: .control)
        let reply = harness.sink.reply(to: request.header.messageID)
        XCTAssertEqual(reply?.channel, .control)
        XCTAssertEqual(reply?.message.content["status"], "error")
        XCTAssertEqual(reply?.message.content["ename"], "UnsupportedRequest")
        XCTAssertEqual(harness.sink.iopubTypes(for: request.header.messageID), ["status", "status"])
    }

    func testAnUnknownTypeGetsAWellFormedErrorReply() {
        let harness = KernelHarness()
        let request = harness.request("frobnicate_request", ["x": 1])
        let reply = harness.replyContent(to: request)
        XCTAssertEqual(harness.sink.reply(to: request.header.messageID)?.message.type, "frobnicate_reply")
        XCTAssertEqual(reply["status"], "error")
        XCTAssertEqual(reply["ename"], "UnsupportedRequest")
        XCTAssertEqual(reply["evalue"], "spike does not handle frobnicate_request")
        XCTAssertEqual(reply["traceback"], [])
        assertWrappedInBusyIdle(request, in: harness.sink)
        XCTAssertEqual(harness.logLines.lines.count, 1)
    }

    func testCodePointCursorPositionsPassThroughUntouched() {
        let harness = KernelHarness()
        // "😀 = e\u{301}; al" — 1 astral scalar + combining mark: 9 code points, 8 graphemes, 12 UTF-16 units.
        let code = "😀 = e\u{301}; al"
        XCTAssertEqual(code.unicodeScalars.count, 10)
        let reply = harness.replyContent(
            to: harness.request("complete_request", ["code": .string(code), "cursor_pos": 10]))
        XCTAssertEqual(harness.interpreter.seenCursors, [10])
        XCTAssertEqual(reply["cursor_start"], 8)
        XCTAssertEqual(reply["cursor_end"], 10)
        XCTAssertEqual(reply["matches"], ["alpha", "alphabet"])
        XCTAssertEqual(reply["status"], "ok")
        XCTAssertEqual(reply["metadata"], [:])
        _ = harness.replyContent(to: harness.request("inspect_request", ["code": .string(code), "cursor_pos": 3]))
        XCTAssertEqual(harness.interpreter.seenCursors, [10, 3])
    }

    func testInspectReportsFoundOrNotFound() {
        let harness = KernelHarness()
        let found = harness.replyContent(
            to: harness.request("inspect_request", ["code": "known", "cursor_pos": 2, "detail_level": 1]))
        XCTAssertEqual(
            found, ["status": "ok", "found": true, "data": ["text/plain": "known: detail 1"], "metadata": [:]])
        let missing = harness.replyContent(to: harness.request("inspect_request", ["code": "other", "cursor_pos": 2]))
        XCTAssertEqual(missing, ["status": "ok", "found": false, "data": [:], "metadata": [:]])
    }

    func testIsCompleteReportsEachVerdict() {
        let harness = KernelHarness()
        XCTAssertEqual(
            harness.replyContent(to: harness.request("is_complete_request", ["code": "x"])), ["status": "complete"])
        XCTAssertEqual(
            harness.replyContent(to: harness.request("is_complete_request", ["code": "for x:"])),
            ["status": "incomplete", "indent": "    "])
        XCTAssertEqual(
            harness.replyContent(to: harness.request("is_complete_request", ["code": "!x"])), ["status": "invalid"])
    }

    func testCommOpenToAnUnknownTargetIsClosedAtOnce() {
        let harness = KernelHarness()
        let open = harness.request("comm_open", ["comm_id": "abc", "target_name": "jupyter.widget", "data": [:]])
        harness.serve([open])
        XCTAssertEqual(harness.sink.iopubTypes(for: open.header.messageID), ["status", "comm_close", "status"])
        XCTAssertEqual(harness.published("comm_close", open), [["comm_id": "abc", "data": [:]]])
        let info = harness.replyContent(to: harness.request("comm_info_request", ["target_name": "jupyter.widget"]))
        XCTAssertEqual(info, ["status": "ok", "comms": [:]])
    }

    func testShutdownRepliesBroadcastsAndStopsTheLoop() {
        let harness = KernelHarness()
        let shutdown = harness.request("shutdown_request", ["restart": true])
        let never = harness.execute("print never")
        let action = harness.serve([shutdown, never], on: .control)
        XCTAssertEqual(action, .shutdown(restart: true))
        XCTAssertEqual(
            harness.sink.reply(to: shutdown.header.messageID)?.message.content, ["status": "ok", "restart": true])
        XCTAssertEqual(harness.sink.iopubTypes(for: shutdown.header.messageID), ["status", "shutdown_reply", "status"])
        XCTAssertTrue(harness.sink.caused(by: never.header.messageID).isEmpty)
        XCTAssertTrue(harness.control.cancellation.isSet, "a running cell is asked to stop")
    }
}

final class CursorClampTests: XCTestCase {
    func testOutOfRangeCursorsAreClampedToTheCode() {
        let harness = KernelHarness()
        _ = harness.replyContent(to: harness.request("complete_request", ["code": "ab😀", "cursor_pos": 99]))
        _ = harness.replyContent(to: harness.request("complete_request", ["code": "ab😀", "cursor_pos": -5]))
        _ = harness.replyContent(
            to: harness.request("inspect_request", ["code": "ab😀", "cursor_pos": 4, "detail_level": 1]))
        XCTAssertEqual(harness.interpreter.seenCursors, [3, 0, 3])
    }
}
