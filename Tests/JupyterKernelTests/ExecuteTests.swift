import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

final class ExecuteTests: XCTestCase {
    func testExecutionCountGrowsByOneForEachNonSilentRequest() {
        let harness = KernelHarness()
        let requests = [
            harness.execute("count"), harness.execute("count"), harness.execute("fail E x", stopOnError: false),
            harness.execute("count")
        ]
        harness.serve(requests)
        let counts = requests.map { harness.sink.reply(to: $0.header.messageID)?.message.content["execution_count"] }
        XCTAssertEqual(counts, [1, 2, 3, 4])
        let inputs = requests.map { harness.published("execute_input", $0).first?["execution_count"] }
        XCTAssertEqual(inputs, [1, 2, 3, 4])
        XCTAssertEqual(harness.published("execute_result", requests[3]).first?["data"], ["text/plain": "4"])
        XCTAssertEqual(harness.published("execute_result", requests[3]).first?["execution_count"], 4)
    }

    func testTheSinkIsFlushedOnceBeforeACellRunsWithBusyAndExecuteInputAlreadySent() {
        let harness = KernelHarness()
        harness.serve([harness.execute("count")])
        XCTAssertEqual(harness.sink.flushes, [2])
        XCTAssertEqual(harness.sink.sent.prefix(2).map(\.message.type), ["status", "execute_input"])
        let silent = KernelHarness()
        silent.serve([silent.execute("count", silent: true), silent.request("kernel_info_request")])
        XCTAssertEqual(silent.sink.flushes, [1], "a silent cell flushes after busy; other requests never")
    }

    func testExecuteInputEchoesTheCodeExactly() {
        let harness = KernelHarness()
        let code = "print ünïcødé 😀\n\nresult  two  spaces"
        let request = harness.execute(code)
        harness.serve([request])
        XCTAssertEqual(harness.published("execute_input", request).first?["code"], .string(code))
    }

    func testASilentRequestPublishesNothingAndKeepsTheCount() {
        let harness = KernelHarness()
        let first = harness.execute("count")
        let silent = harness.execute(
            "print hidden\nshow hidden\nresult hidden", silent: true, userExpressions: ["x": "abc"])
        let silentFailure = harness.execute("fail E hidden", silent: true, stopOnError: false)
        let after = harness.execute("count")
        harness.serve([first, silent, silentFailure, after])
        XCTAssertEqual(harness.sink.iopubTypes(for: silent.header.messageID), ["status", "status"])
        XCTAssertEqual(harness.sink.iopubTypes(for: silentFailure.header.messageID), ["status", "status"])
        let reply = harness.sink.reply(to: silent.header.messageID)?.message.content
        XCTAssertEqual(reply?["status"], "ok")
        XCTAssertEqual(reply?["execution_count"], 1)
        XCTAssertEqual(
            reply?["user_expressions"]?["x"], ["status": "ok", "data": ["text/plain": "ABC"], "metadata": [:]])
        XCTAssertEqual(harness.sink.reply(to: after.header.messageID)?.message.content["execution_count"], 2)
        let history = harness.replyContent(
            to: harness.request("history_request", ["hist_access_type": "tail", "n": 10]))
        XCTAssertEqual(history["history"], [[1, 1, "count"], [1, 2, "count"]])
    }

    func testStoreHistoryFalseCountsButLeavesNoHistory() {
        let harness = KernelHarness()
        let request = harness.execute("count", storeHistory: false)
        harness.serve([request])
        XCTAssertEqual(harness.sink.reply(to: request.header.messageID)?.message.content["execution_count"], 1)
        let history = harness.replyContent(
            to: harness.request("history_request", ["hist_access_type": "tail", "n": 10]))
        XCTAssertEqual(history["history"], [])
    }

    func testAFailurePublishesErrorAndRepliesWithTheSameFields() {
        let harness = KernelHarness()
        let request = harness.execute("print before\nfail ShapeError shapes [2] and [3] differ", stopOnError: false)
        harness.serve([request])
        let error = harness.published("error", request)
        XCTAssertEqual(
            error, [["ename": "ShapeError", "evalue": "shapes [2] and [3] differ", "traceback": ["line 1"]]])
        let reply = harness.sink.reply(to: request.header.messageID)?.message.content
        XCTAssertEqual(reply?["status"], "error")
        XCTAssertEqual(reply?["ename"], "ShapeError")
        XCTAssertEqual(reply?["evalue"], "shapes [2] and [3] differ")
        XCTAssertEqual(reply?["traceback"], ["line 1"])
        XCTAssertEqual(reply?["execution_count"], 1)
        XCTAssertEqual(
            harness.sink.iopubTypes(for: request.header.messageID),
            ["status", "execute_input", "stream", "error", "status"])
    }

    func testUserExpressionsAreEvaluatedAfterTheCode() {
        let harness = KernelHarness()
        let request = harness.execute("result 1", userExpressions: ["a": "abc", "b": "boom"])
        let reply = harness.replyContent(to: request)
        XCTAssertEqual(reply["user_expressions"]?["a"]?["data"], ["text/plain": "ABC"])
        XCTAssertEqual(reply["user_expressions"]?["b"]?["status"], "error")
        XCTAssertEqual(reply["user_expressions"]?["b"]?["ename"], "NameError")
    }

    func testDisplaysUpdatesAndClearsBecomeTheirMessages() {
        let harness = KernelHarness()
        let request = harness.execute("show first as d1\nprint text\nupdate second as d1\nclear\nshow plain")
        harness.serve([request])
        XCTAssertEqual(
            harness.sink.iopubTypes(for: request.header.messageID),
            [
                "status", "execute_input", "display_data", "stream", "update_display_data", "clear_output",
                "display_data", "status"
            ]
        )
        let displays = harness.published("display_data", request)
        XCTAssertEqual(displays[0]["transient"], ["display_id": "d1"])
        XCTAssertEqual(displays[1]["transient"], [:])
        XCTAssertEqual(harness.published("update_display_data", request).first?["transient"], ["display_id": "d1"])
        XCTAssertEqual(harness.published("update_display_data", request).first?["data"], ["text/plain": "second"])
        XCTAssertEqual(harness.published("clear_output", request).first?["wait"], false)
    }

    func testManyPrintsBecomeOneStreamMessagePerStreamRun() {
        let harness = KernelHarness()
        let code = (0..<200).map { "print line \($0)" }.joined(separator: "\n") + "\nwarn oops\nprint tail"
        let request = harness.execute(code)
        harness.serve([request])
        let streams = harness.published("stream", request)
        XCTAssertEqual(streams.map { $0["name"] }, ["stdout", "stderr", "stdout"])
        XCTAssertEqual(streams[0]["text"]?.stringValue, (0..<200).map { "line \($0)\n" }.joined())
        XCTAssertEqual(streams[2]["text"], "tail\n")
    }

    func testAPagePayloadReachesTheReply() {
        let harness = KernelHarness()
        let reply = harness.replyContent(to: harness.execute("page lif(tau) — a neuron"))
        XCTAssertEqual(
            reply["payload"], [["source": "page", "data": ["text/plain": "lif(tau) — a neuron"], "start": 0]])
    }

    func testAnExecuteRequestWithoutCodeGetsAnErrorReply() {
        let harness = KernelHarness()
        let request = harness.request("execute_request", ["silent": false])
        let reply = harness.replyContent(to: request)
        XCTAssertEqual(reply["status"], "error")
        XCTAssertEqual(reply["ename"], "InvalidRequest")
        XCTAssertEqual(reply["traceback"], [])
        XCTAssertEqual(reply["execution_count"], 0)
        XCTAssertEqual(harness.sink.reply(to: request.header.messageID)?.message.type, "execute_reply")
        assertWrappedInBusyIdle(request, in: harness.sink)
    }
}

extension KernelHarness {
    func published(_ type: String, _ request: Message) -> [JSONValue] {
        sink.published(type, for: request.header.messageID)
    }
}
