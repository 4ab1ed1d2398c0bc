import Foundation
import JupyterKernel
import JupyterWire
import Synchronization
import XCTest

/// A kernel over in-memory channels, with a client that makes requests and reads what came back.
public final class KernelHarness: Sendable {
    public let interpreter = ScriptedInterpreter()
    public let sink = RecordingSink()
    public let kernel: Kernel
    public let logLines = LogCapture()
    private let client = HeaderFactory(session: "client-session", username: "tester")

    public init(now: @escaping () -> Date = { Date(timeIntervalSince1970: 1_000) }) {
        kernel = Kernel(
            interpreter: interpreter, sink: sink, headers: HeaderFactory(session: "kernel-session"),
            clock: now, log: logLines.append
        )
    }

    /// A request message from the client, routed through two identities.
    public func request(_ type: String, _ content: JSONValue = [:]) -> Message {
        Message(
            identities: [Data("proxy".utf8), Data("client".utf8)], header: client.header(for: type), content: content)
    }

    public func execute(
        _ code: String, silent: Bool = false, storeHistory: Bool = true, stopOnError: Bool = true,
        userExpressions: [String: String] = [:]
    ) -> Message {
        request(
            "execute_request",
            ExecuteRequest(
                code: code, silent: silent, storeHistory: storeHistory, userExpressions: userExpressions,
                stopOnError: stopOnError
            ).json
        )
    }

    /// Serves `messages` on `channel` as one queued burst; returns the loop's final action.
    @discardableResult
    public func serve(_ messages: [Message], on channel: Channel = .shell) -> KernelAction {
        let queue = MessageQueue(messages)
        queue.close()
        return kernel.serve(queue, on: channel)
    }

    /// Serves one message and returns its reply content (failing if there is not exactly one reply).
    public func replyContent(
        to message: Message, on channel: Channel = .shell, file: StaticString = #filePath, line: UInt = #line
    ) -> JSONValue {
        serve([message], on: channel)
        guard let reply = sink.reply(to: message.header.messageID) else {
            XCTFail("no single reply to \(message.type)", file: file, line: line)
            return .null
        }
        return reply.message.content
    }
}

/// Collects log lines (thread-safe).
public final class LogCapture: Sendable {
    private let collected = Mutex([String]())

    public init() {}

    public var lines: [String] { collected.withLock { $0 } }

    public var append: @Sendable (String) -> Void {
        { [self] line in collected.withLock { $0.append(line) } }
    }
}
