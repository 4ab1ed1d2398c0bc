import Foundation
import JupyterWire
import Synchronization
import XCTest

@testable import JupyterKernel

/// A stdin channel whose front end answers from a script of messages.
private final class ScriptedStdin: StdinTransport {
    private let state = Mutex((sent: [Message](), replies: [(Message) -> Message?](), refusals: 0))

    /// `refusals`: how many sends find no connection before one is taken.
    init(_ replies: [(Message) -> Message?], refusals: Int = 0) {
        state.withLock {
            $0.replies = replies
            $0.refusals = refusals
        }
    }

    var sent: [Message] { state.withLock { $0.sent } }

    func send(_ message: Message) -> Bool {
        state.withLock { state in
            guard state.refusals == 0 else {
                state.refusals -= 1
                return false
            }
            state.sent.append(message)
            return true
        }
    }

    func receive(timeout: TimeInterval) -> Message? {
        state.withLock { state in
            guard let request = state.sent.last, !state.replies.isEmpty else { return nil }
            return state.replies.removeFirst()(request)
        }
    }
}

final class InputRequestTests: XCTestCase {
    private let headers = HeaderFactory()

    private func executeRequest() -> Message {
        Message(
            identities: [Data("frontend".utf8)], header: headers.header(for: "execute_request"),
            content: .object(["code": .string("input()")]))
    }

    private func reply(_ value: String, to request: Message?) -> Message {
        Message(
            header: headers.header(for: "input_reply"), parentHeader: request?.header.json ?? .emptyObject,
            content: .object(["value": .string(value)]))
    }

    func testInputSendsARequestToTheExecutingFrontEndAndReturnsTheMatchingReply() {
        let execute = executeRequest()
        let stdin = ScriptedStdin([
            { _ in nil },
            { [self] _ in reply("stale", to: executeRequest()) },  // answers another request: dropped
            { [self] request in reply("Ada", to: request) }
        ])
        var emitted = [ExecutionOutput]()
        let context = ExecutionContext(
            executionCount: 1, cancellation: CancellationFlag(), stdin: (stdin, execute, headers), emit: { emitted.append($0) })
        context.write("before\n")
        XCTAssertEqual(context.input(prompt: "name? ", password: true), .text("Ada"))
        XCTAssertEqual(emitted, [.stream(.stdout, "before\n")], "printed text is released before the prompt")
        guard let request = stdin.sent.first else { return XCTFail("no input_request sent") }
        XCTAssertEqual(stdin.sent.count, 1)
        XCTAssertEqual(request.type, "input_request")
        XCTAssertEqual(request.identities, execute.identities)
        XCTAssertEqual(request.parentMessageID, execute.header.messageID)
        XCTAssertEqual(request.content["prompt"]?.stringValue, "name? ")
        XCTAssertEqual(request.content["password"], .bool(true))
    }

    func testARequestTheFrontEndCannotTakeYetIsSentAgain() {
        let stdin = ScriptedStdin([{ [self] request in reply("later", to: request) }], refusals: 3)
        let context = ExecutionContext(
            executionCount: 1, cancellation: CancellationFlag(), stdin: (stdin, executeRequest(), headers), emit: { _ in })
        XCTAssertEqual(context.input(prompt: "", password: false), .text("later"))
        XCTAssertEqual(stdin.sent.count, 1)
    }

    func testAReplyWithoutAParentHeaderAnswersTheRequestAsJupyterClientSendsIt() {
        let stdin = ScriptedStdin([{ [self] _ in reply("plain", to: nil) }])
        let context = ExecutionContext(
            executionCount: 1, cancellation: CancellationFlag(), stdin: (stdin, executeRequest(), headers), emit: { _ in })
        XCTAssertEqual(context.input(prompt: "", password: false), .text("plain"))
    }

    func testAnInterruptEndsTheWait() {
        let cancellation = CancellationFlag()
        let stdin = ScriptedStdin([
            { _ in
                cancellation.set()
                return nil
            }
        ])
        let context = ExecutionContext(
            executionCount: 1, cancellation: cancellation, stdin: (stdin, executeRequest(), headers), emit: { _ in })
        XCTAssertEqual(context.input(prompt: "", password: false), .interrupted)
    }

    func testWithoutAStdinChannelInputIsUnavailable() {
        let context = ExecutionContext(executionCount: 1, cancellation: CancellationFlag(), emit: { _ in })
        XCTAssertEqual(context.input(prompt: "x", password: false), .unavailable)
    }
}
