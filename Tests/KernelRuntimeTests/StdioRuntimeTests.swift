import Foundation
import JupyterWire
import KernelRuntime
import KernelTestSupport
import Synchronization
import XCTest

final class StdioRuntimeTests: XCTestCase {
    /// Feeds `lines` to the stdio runtime and returns its exit status and output lines; line
    /// `gate`, when given, is read only once a cell (`spin`) runs.
    private func serve(
        _ lines: [String], waitingForTheCellBefore gate: Int? = nil
    ) throws -> (Int32, [(channel: String, message: JSONValue)]) {
        let interpreter = EchoInterpreter()
        let input = LineFeed(lines, waitBefore: gate.map { [$0: interpreter.started] } ?? [:])
        let output = LineCollector()
        let status = StdioKernelRuntime.run(
            interpreter: interpreter, readLine: input.next, writeLine: output.append, log: { _ in }
        )
        let parsed = try output.lines.map { line -> (String, JSONValue) in
            let value = try XCTUnwrap(JSONValue(jsonBytes: Data(line.utf8)), "not JSON: \(line)")
            return (value["channel"]?.stringValue ?? "?", value)
        }
        return (status, parsed)
    }

    /// The replies (not IOPub) in `output`: parent msg_id and content, in order.
    private static func replies(in output: [(channel: String, message: JSONValue)]) -> [(String, JSONValue)] {
        output.compactMap { sent in
            guard sent.channel != "iopub", let parent = sent.message["parent_header"]?["msg_id"]?.stringValue else {
                return nil
            }
            return (parent, sent.message["content"] ?? .null)
        }
    }

    private func line(_ channel: String, _ type: String, id: String, content: JSONValue = [:]) -> String {
        let document: JSONValue = [
            "channel": .string(channel),
            "header": [
                "msg_id": .string(id), "msg_type": .string(type), "session": "s", "username": "u", "date": "",
                "version": "5.5"
            ],
            "parent_header": [:], "metadata": [:], "content": content
        ]
        return document.jsonString()
    }

    func testEveryOutputIsOneJsonLineWithItsChannel() throws {
        let (status, output) = try serve([
            line("shell", "execute_request", id: "e1", content: ["code": "hi"]),
            line("shell", "kernel_info_request", id: "k1")
        ])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output.first?.message["content"]?["execution_state"], "starting")
        let forExecute = output.filter { $0.message["parent_header"]?["msg_id"] == "e1" }
        XCTAssertEqual(
            forExecute.map { "\($0.channel):\($0.message["header"]?["msg_type"]?.stringValue ?? "")" },
            [
                "iopub:status", "iopub:execute_input", "iopub:stream", "iopub:execute_result", "shell:execute_reply",
                "iopub:status"
            ]
        )
        let info = output.first { $0.message["parent_header"]?["msg_id"] == "k1" && $0.channel == "shell" }
        XCTAssertEqual(info?.message["content"]?["language_info"]?["name"], "echo")
    }

    func testAMalformedLineGetsAnErrorMessageAndReadingGoesOn() throws {
        let (status, output) = try serve([
            "this is not json",
            #"{"channel": "shell"}"#,
            #"{"channel": "iopub", "header": {"msg_id": "x", "msg_type": "status"}}"#,
            line("shell", "kernel_info_request", id: "k1")
        ])
        XCTAssertEqual(status, 0)
        let errors = output.filter { $0.message["header"]?["msg_type"] == "error" }
        XCTAssertEqual(errors.count, 3)
        XCTAssertEqual(
            errors.map { $0.message["content"]?["ename"] }, ["MalformedLine", "MalformedLine", "MalformedLine"])
        XCTAssertEqual(errors.first?.message["content"]?["evalue"], "line is not valid JSON")
        XCTAssertTrue(output.contains { $0.message["parent_header"]?["msg_id"] == "k1" && $0.channel == "shell" })
    }

    func testShutdownOnControlStopsServingAndLaterLinesAreIgnored() throws {
        let (status, output) = try serve([
            line("control", "shutdown_request", id: "s1", content: ["restart": false]),
            line("shell", "kernel_info_request", id: "late")
        ])
        XCTAssertEqual(status, 0)
        let reply = output.first { $0.message["parent_header"]?["msg_id"] == "s1" && $0.channel == "control" }
        XCTAssertEqual(reply?.message["content"], ["status": "ok", "restart": false])
        XCTAssertFalse(output.contains { $0.message["parent_header"]?["msg_id"] == "late" })
    }

    func testAControlInterruptStopsTheRunningCellWhileShellWaits() throws {
        let (status, output) = try serve(
            [
                line("shell", "execute_request", id: "spin", content: ["code": "spin"]),
                line("control", "kernel_info_request", id: "info"),
                line("control", "interrupt_request", id: "stop")
            ], waitingForTheCellBefore: 1)
        XCTAssertEqual(status, 0)
        let replies = Self.replies(in: output)
        XCTAssertEqual(replies.map(\.0), ["info", "stop", "spin"], "control answered while the cell ran")
        XCTAssertEqual(replies[2].1["ename"], "Interrupted")
    }

    func testAShutdownDuringACellAbortsTheQueuedRequestsWithTheRunningCellsCount() throws {
        let (status, output) = try serve(
            [
                line("shell", "execute_request", id: "first", content: ["code": "x"]),
                line("shell", "execute_request", id: "spin", content: ["code": "spin"]),
                line("shell", "execute_request", id: "queued", content: ["code": "never"]),
                line("control", "shutdown_request", id: "bye", content: ["restart": false])
            ], waitingForTheCellBefore: 3)
        XCTAssertEqual(status, 0)
        let replies = Self.replies(in: output)
        XCTAssertEqual(replies.map(\.0), ["first", "spin", "queued", "bye"])
        XCTAssertEqual(replies[1].1["execution_count"], 2)
        XCTAssertEqual(replies[2].1["status"], "aborted")
        XCTAssertEqual(replies[2].1["execution_count"], 2, "the count control read is the shell's")
        XCTAssertFalse(output.contains { $0.message["content"]?["text"] == "never\n" }, "the queued cell ran")
    }

    func testAClosedOutputStopsTheRuntime() {
        let input = LineFeed((0..<1000).map { line("shell", "kernel_info_request", id: "k\($0)") })
        let status = StdioKernelRuntime.run(
            interpreter: EchoInterpreter(), readLine: input.next, writeLine: { _ in false }, log: { _ in }
        )
        XCTAssertEqual(status, 0)
    }

    func testEveryQueuedRequestStillGetsAReplyAfterAFailure() throws {
        let (_, output) = try serve([
            line("shell", "execute_request", id: "bad", content: ["code": "fail"]),
            line("shell", "execute_request", id: "next", content: ["code": "x"])
        ])
        let reply = output.first { $0.message["parent_header"]?["msg_id"] == "bad" && $0.channel == "shell" }
        XCTAssertEqual(reply?.message["content"]?["status"], "error")
        let next = output.first { $0.message["parent_header"]?["msg_id"] == "next" && $0.channel == "shell" }
        XCTAssertNotNil(next?.message["content"]?["status"])
    }
}

/// Lines handed out one by one, then end of input; line `i` may wait for a semaphore first.
final class LineFeed: Sendable {
    private let state: Mutex<(lines: [String], served: Int)>
    private let waitBefore: [Int: DispatchSemaphore]

    init(_ lines: [String], waitBefore: [Int: DispatchSemaphore] = [:]) {
        self.state = Mutex((lines, 0))
        self.waitBefore = waitBefore
    }

    var next: @Sendable () -> String? {
        { [self] in
            let index = state.withLock { state in
                defer { state.served += 1 }
                return state.served
            }
            if let gate = waitBefore[index] { _ = gate.wait(timeout: .now() + 5) }
            return state.withLock { $0.lines.isEmpty ? nil : $0.lines.removeFirst() }
        }
    }
}

/// Output lines collected in order.
final class LineCollector: Sendable {
    private let collected = Mutex([String]())

    var lines: [String] { collected.withLock { $0 } }

    var append: @Sendable (String) -> Bool {
        { [self] line in
            collected.withLock { $0.append(line) }
            return true
        }
    }
}
