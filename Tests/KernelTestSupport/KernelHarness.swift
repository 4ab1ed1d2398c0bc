import Foundation
import JupyterKernel
import JupyterWire
import Synchronization
import XCTest

/// A kernel over in-memory channels, with a client that makes requests and reads what came back.
///
/// Its ``shell`` handler belongs to the test's thread (the harness is not `Sendable`, as the
/// handler is not); ``startShellThread(serving:)`` serves shell on a thread of its own instead,
/// with a handler made there, as the runtimes do.
public final class KernelHarness {
    public let interpreter = ScriptedInterpreter()
    public let sink = RecordingSink()
    /// The thread-safe half: control requests, interrupts, the execution count's mirror.
    public let control: KernelControl
    /// The shell half, used from the test's thread.
    public let shell: ShellHandler
    public let logLines = LogCapture()
    private let client = HeaderFactory(session: "client-session", username: "tester")
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_000) }) {
        self.now = now
        control = KernelControl(
            info: interpreter.info, sink: sink, headers: HeaderFactory(session: "kernel-session"), log: logLines.append)
        shell = ShellHandler(interpreter: interpreter, control: control, clock: now)
    }

    /// Serves `queue` as shell on a new thread, with a shell handler made on that thread (its
    /// own count and history, this harness's interpreter, control and sink); returns a
    /// semaphore signalled once the loop has returned.
    public func startShellThread(serving queue: MessageQueue) -> DispatchSemaphore {
        let served = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [interpreter, control, now] in
            _ = ShellHandler(interpreter: interpreter, control: control, clock: now).serve(queue)
            served.signal()
        }
        return served
    }

    /// A shell thread (``startShellThread(serving:)``) busy with a `spin` cell, once the cell
    /// runs; `earlier` are served before it. Push more requests to `queue`, close it to end.
    public func startSpinning(
        after earlier: [Message] = [], file: StaticString = #filePath, line: UInt = #line
    ) -> (spin: Message, queue: MessageQueue, served: DispatchSemaphore) {
        let spin = execute("spin")
        let queue = MessageQueue(earlier + [spin])
        let served = startShellThread(serving: queue)
        let started = interpreter.started.wait(timeout: .now() + 5)
        XCTAssertEqual(started, .success, "cell never started", file: file, line: line)
        return (spin, queue, served)
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

    /// Serves `messages` on `channel` (``control`` on control, else ``shell``) as one queued
    /// burst; returns the loop's final action.
    @discardableResult
    public func serve(_ messages: [Message], on channel: Channel = .shell) -> KernelAction {
        let queue = MessageQueue(messages)
        queue.close()
        return channel == .control ? control.serve(queue) : shell.serve(queue)
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
