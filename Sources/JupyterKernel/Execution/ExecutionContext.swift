import Foundation
import JupyterWire

/// What a running cell may do to the outside world: write streams, show and update displays,
/// clear output, ask the front end for a line of text, read its execution count, and check for
/// an interrupt.
///
/// Stream text is batched (see ``StreamBatcher``); any display, update or clear first
/// releases buffered text so order is kept. The kernel flushes the rest when the cell returns,
/// before the result, the reply and the idle status.
///
/// Used from the thread running the cell only.
public final class ExecutionContext {
    /// The count of this execution (`In [n]`); for silent requests, the current count.
    public let executionCount: Int
    private let cancellation: CancellationFlag
    private let emit: (ExecutionOutput) -> Void
    private let now: () -> Date
    private var batcher: StreamBatcher
    private let stdin: (transport: StdinTransport, request: Message, headers: HeaderFactory)?

    /// A context sending its outputs to `emit`.
    ///
    /// - Parameters:
    ///   - streamInterval: the longest time stream text is held back, in seconds.
    ///   - now: the clock used to age buffered text.
    ///   - stdin: where ``input(prompt:password:)`` asks, answering `request` (the
    ///     `execute_request`); nil when the front end accepts no input.
    public init(
        executionCount: Int, cancellation: CancellationFlag, streamInterval: TimeInterval = 0.1,
        now: @escaping () -> Date = { Date() },
        stdin: (transport: StdinTransport, request: Message, headers: HeaderFactory)? = nil,
        emit: @escaping (ExecutionOutput) -> Void
    ) {
        self.stdin = stdin
        self.executionCount = executionCount
        self.cancellation = cancellation
        self.emit = emit
        self.now = now
        self.batcher = StreamBatcher(interval: streamInterval)
    }

    /// Whether an interrupt was requested. Poll it often; polling also releases stream text
    /// that has waited longer than the batching interval.
    public var isCancelled: Bool {
        send(batcher.flushIfStale(at: now()))
        return cancellation.isSet
    }

    /// Writes `text` to stdout or stderr.
    public func write(_ text: String, to stream: StreamName = .stdout) {
        send(batcher.write(text, to: stream, at: now()))
    }

    /// Shows a rich output; give a `displayID` to update it later.
    public func display(_ bundle: MimeBundle, displayID: String? = nil) {
        flush()
        emit(.display(bundle, displayID: displayID))
    }

    /// Replaces every output shown with `displayID`.
    public func updateDisplay(_ bundle: MimeBundle, displayID: String) {
        flush()
        emit(.update(bundle, displayID: displayID))
    }

    /// Clears the cell's output now, or (`wait`) when the next output arrives.
    public func clearOutput(wait: Bool) {
        flush()
        emit(.clear(wait: wait))
    }

    /// How long ``input(prompt:password:)`` waits for the front end's stdin socket to connect
    /// before it says no one can answer, in seconds.
    static let stdinConnectionWait: TimeInterval = 5

    /// Asks the front end for a line of text: sends `input_request` on stdin (after releasing
    /// buffered stream text, so what was printed before shows first) and waits for the
    /// `input_reply` that answers it (one without a parent header counts, as jupyter_client sends
    /// it), checking for an interrupt every 50 ms. Replies naming other requests are dropped. A
    /// request the front end cannot take yet (its stdin socket connects later) is sent again for
    /// up to ``stdinConnectionWait`` seconds.
    public func input(prompt: String, password: Bool) -> InputAnswer {
        flush()
        guard let stdin else { return .unavailable }
        let type = "input_request"
        let request = stdin.request.reply(
            type: type, content: .object(["prompt": .string(prompt), "password": .bool(password)]),
            header: stdin.headers.header(for: type))
        // The front end's stdin socket may connect a moment after its shell socket: retry.
        let deadline = Date(timeIntervalSinceNow: ExecutionContext.stdinConnectionWait)
        while !stdin.transport.send(request) {
            if cancellation.isSet { return .interrupted }
            if Date() >= deadline { return .unavailable }
            Thread.sleep(forTimeInterval: 0.02)
        }
        while true {
            if cancellation.isSet { return .interrupted }
            guard let answer = stdin.transport.receive(timeout: 0.05) else { continue }
            // jupyter_client's `input()` sends its reply without a parent header: accept that,
            // and drop only a reply that names another request.
            guard answer.type == "input_reply", answer.parentMessageID ?? request.header.messageID == request.header.messageID
            else { continue }
            return .text(answer.content["value"]?.stringValue ?? "")
        }
    }

    /// Releases all buffered stream text.
    public func flush() {
        send(batcher.flush())
    }

    private func send(_ outputs: [ExecutionOutput]) {
        for output in outputs { emit(output) }
    }
}
