import Foundation
import JupyterWire
import KernelRuntime
import KernelTestSupport
import XCTest
import ZeroMQ

final class ZeroMQRuntimeTests: XCTestCase {
    private var kernel: RunningKernel!

    override func setUpWithError() throws {
        kernel = try RunningKernel()
    }

    override func tearDownWithError() throws {
        try kernel?.stop()
    }

    func testTheHeartbeatEchoesBytesVerbatim() throws {
        for ping: [UInt8] in [Array("ping".utf8), [0, 1, 2, 255]] {
            try kernel.client.heartbeat.send([ping])
            XCTAssertEqual(try kernel.client.heartbeat.receive(), [ping])
        }
    }

    func testKernelInfoIsRepliedOnShellBetweenBusyAndIdle() throws {
        let request = try kernel.client.send("kernel_info_request")
        let reply = try XCTUnwrap(try kernel.client.receive(on: .shell))
        XCTAssertEqual(reply.type, "kernel_info_reply")
        XCTAssertEqual(reply.parentMessageID, request.header.messageID)
        XCTAssertEqual(reply.content["language_info"]?["name"], "echo")
        XCTAssertEqual(reply.header.version, "5.5")
        XCTAssertTrue(reply.header.date.hasSuffix("Z"))
        let statuses = try kernel.client.iopubUntilIdle(of: request).map { $0.content["execution_state"] }
        XCTAssertEqual(statuses, ["busy", "idle"])
    }

    func testExecuteOutputsArriveInOrderBeforeIdle() throws {
        let request = try kernel.client.send("execute_request", ExecuteRequest(code: "hello").json)
        let reply = try XCTUnwrap(try kernel.client.receive(on: .shell))
        XCTAssertEqual(reply.content["status"], "ok")
        XCTAssertEqual(reply.content["execution_count"], 1)
        let iopub = try kernel.client.iopubUntilIdle(of: request)
        XCTAssertEqual(iopub.map(\.type), ["status", "execute_input", "stream", "execute_result", "status"])
        XCTAssertEqual(iopub[2].content["text"], "hello\n")
    }

    func testForgedAndMalformedFramesAreDroppedAndTheNextSignedRequestIsAnswered() throws {
        let good = Message(
            header: HeaderFactory(session: "x").header(for: "kernel_info_request"), content: [:]
        )
        let forgedCodec = WireCodec(key: "not-the-key")
        try kernel.client.sendRaw(forgedCodec.encode(good))
        try kernel.client.sendRaw(WireCodec(key: "").encode(good))
        try kernel.client.sendRaw([Data("no delimiter".utf8)])
        try kernel.client.sendRaw(Array(kernel.client.codec.encode(good).prefix(3)))
        let parts = [Data("{nope".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
        try kernel.client.sendRaw(
            [WireCodec.delimiter, Data(kernel.client.codec.signer.signature(of: parts).utf8)] + parts)
        try kernel.client.sendRaw(forgedCodec.encode(good), on: .control)

        let request = try kernel.client.send("kernel_info_request")
        let reply = try XCTUnwrap(try kernel.client.receive(on: .shell))
        XCTAssertEqual(reply.parentMessageID, request.header.messageID, "the first reply answers the signed request")
        let controlRequest = try kernel.client.send("kernel_info_request", on: .control)
        XCTAssertEqual(try kernel.client.receive(on: .control)?.parentMessageID, controlRequest.header.messageID)
    }

    func testARequestSentSevenTimesRunsOnce() throws {
        let request = Message(
            header: HeaderFactory(session: "replay").header(for: "execute_request"), content: ExecuteRequest(code: "once").json
        )
        let frames = kernel.client.codec.encode(request)
        for _ in 0..<7 { try kernel.client.sendRaw(frames) }
        let marker = try kernel.client.send("kernel_info_request")
        var replies = [Message]()
        while let reply = try kernel.client.receive(on: .shell), reply.parentMessageID != marker.header.messageID {
            replies.append(reply)
        }
        XCTAssertEqual(replies.map(\.type), ["execute_reply"])
        XCTAssertEqual(replies.first?.parentMessageID, request.header.messageID)
        XCTAssertEqual(replies.first?.content["execution_count"], 1)
    }

    func testControlIsServedWhileACellRunsAndItsInterruptStopsTheCell() throws {
        let run = try kernel.client.send("execute_request", ExecuteRequest(code: "spin").json)
        XCTAssertEqual(kernel.interpreter.started.wait(timeout: .now() + 5), .success)

        let info = try kernel.client.send("kernel_info_request", on: .control)
        let infoReply = try XCTUnwrap(try kernel.client.receive(on: .control))
        XCTAssertEqual(infoReply.parentMessageID, info.header.messageID)
        XCTAssertEqual(infoReply.type, "kernel_info_reply")

        let interrupt = try kernel.client.send("interrupt_request", on: .control)
        let interruptReply = try XCTUnwrap(try kernel.client.receive(on: .control))
        XCTAssertEqual(interruptReply.parentMessageID, interrupt.header.messageID)
        XCTAssertEqual(interruptReply.content, ["status": "ok"])

        let runReply = try XCTUnwrap(try kernel.client.receive(on: .shell))
        XCTAssertEqual(runReply.parentMessageID, run.header.messageID)
        XCTAssertEqual(runReply.content["ename"], "Interrupted")
        XCTAssertEqual(try kernel.client.iopubUntilIdle(of: run).last?.content["execution_state"], "idle")
    }

    func testSigintInterruptsTheRunningCellInsteadOfKillingTheKernel() throws {
        let run = try kernel.client.send("execute_request", ExecuteRequest(code: "spin").json)
        XCTAssertEqual(kernel.interpreter.started.wait(timeout: .now() + 5), .success)
        kill(getpid(), SIGINT)
        let runReply = try XCTUnwrap(try kernel.client.receive(on: .shell))
        XCTAssertEqual(runReply.parentMessageID, run.header.messageID)
        XCTAssertEqual(runReply.content["ename"], "Interrupted")
        let after = try kernel.client.send("execute_request", ExecuteRequest(code: "still alive").json)
        XCTAssertEqual(try kernel.client.receive(on: .shell)?.parentMessageID, after.header.messageID)
    }

    func testShutdownRepliesAndMakesRunReturn() throws {
        let request = try kernel.client.send("shutdown_request", ["restart": true], on: .control)
        let reply = try XCTUnwrap(try kernel.client.receive(on: .control))
        XCTAssertEqual(reply.parentMessageID, request.header.messageID)
        XCTAssertEqual(reply.content, ["status": "ok", "restart": true])
        XCTAssertEqual(kernel.waitForExit(), 0)
        let broadcast = try kernel.client.iopubUntilIdle(of: request).map(\.type)
        XCTAssertEqual(broadcast, ["status", "shutdown_reply", "status"])
    }

    func testTheSameEndpointsCanBeBoundAgainAfterShutdown() throws {
        try kernel.client.send("shutdown_request", ["restart": true], on: .control)
        XCTAssertEqual(kernel.waitForExit(), 0)
        let again = try Socket(context: try Context(), kind: .router)
        try again.set(.linger(milliseconds: 0))
        XCTAssertNoThrow(try again.bind(kernel.connection.address(of: .shell)))
    }
}

final class ZeroMQRuntimeStartupTests: XCTestCase {
    func testAnUnusableConnectionFileIsReportedNotServed() {
        XCTAssertThrowsError(
            try ZeroMQKernelRuntime.run(connectionFile: "/nonexistent.json", interpreter: EchoInterpreter())
        ) {
            XCTAssertEqual($0 as? ConnectionFileError, .unreadable(path: "/nonexistent.json"))
        }
    }
}
