import JupyterKernel
import JupyterWire
import KernelTestSupport
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

    func testRequestsAfterAShutdownAmongTheFollowersAreAnsweredAsAborted() {
        let harness = KernelHarness()
        let shutdown = harness.request("shutdown_request", ["restart": false])
        let info = harness.request("kernel_info_request")
        XCTAssertEqual(harness.serve([harness.execute("fail E x"), shutdown, info]), .shutdown(restart: false))
        XCTAssertEqual(harness.sink.reply(to: shutdown.header.messageID)?.message.content["status"], "ok")
        XCTAssertEqual(harness.sink.reply(to: info.header.messageID)?.message.content, ["status": "aborted"])
        assertWrappedInBusyIdle(info, in: harness.sink)
    }

    func testStopOnErrorFalseLeavesTheQueueRunning() {
        let harness = KernelHarness()
        let next = harness.execute("count")
        harness.serve([harness.execute("fail E x", stopOnError: false), next])
        XCTAssertEqual(harness.sink.reply(to: next.header.messageID)?.message.content["status"], "ok")
    }

    func testTheFailingRequestReportsTheAbortActionToItsLoop() {
        let harness = KernelHarness()
        XCTAssertEqual(harness.shell.handle(harness.execute("fail E x")), .abortQueuedExecutions)
        XCTAssertEqual(harness.shell.handle(harness.execute("print fine")), .none)
    }
}

/// A client that sends its next request as soon as it sees the idle of the previous one.
///
/// `@unchecked Sendable`: a fake used only from the test's own thread (`pending` is not locked).
private final class IdleTriggeredClient: MessageSink, @unchecked Sendable {
    let recorded = RecordingSink()
    let queue = MessageQueue()
    var pending: [String: Message] = [:]

    func send(_ message: Message, on channel: Channel) {
        recorded.send(message, on: channel)
        guard channel == .iopub, message.type == "status", message.content["execution_state"] == "idle",
            let parent = message.parentMessageID, let next = pending.removeValue(forKey: parent)
        else { return }
        queue.push(next)
        if pending.isEmpty { queue.close() }
    }
}

final class AbortAfterIdleTests: XCTestCase {
    func testARequestSentAfterTheFailedCellsIdleRuns() {
        let client = IdleTriggeredClient()
        let headers = HeaderFactory(session: "client-session")
        let interpreter = ScriptedInterpreter()
        let control = KernelControl(
            info: interpreter.info, sink: client, headers: HeaderFactory(session: "kernel-session"), log: { _ in })
        let shell = ShellHandler(interpreter: interpreter, control: control)
        func execute(_ code: String) -> Message {
            Message(
                identities: [Data("client".utf8)], header: headers.header(for: "execute_request"),
                content: ExecuteRequest(code: code).json)
        }
        let failing = execute("fail ValueError bad")
        let after = execute("print after")
        client.pending[failing.header.messageID] = after
        client.queue.push(failing)
        _ = shell.serve(client.queue)
        XCTAssertEqual(client.recorded.reply(to: failing.header.messageID)?.message.content["status"], "error")
        XCTAssertEqual(client.recorded.reply(to: after.header.messageID)?.message.content["status"], "ok")
    }
}
