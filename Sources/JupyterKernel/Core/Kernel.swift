import Foundation
import JupyterWire

/// The protocol behaviour of a Jupyter kernel, independent of sockets: dispatch, busy/idle,
/// execution counts, the abort queue, interrupts, history and comms, around an ``Interpreter``.
///
/// Every request is wrapped as `status: busy` → side effects → reply → `status: idle`, with
/// idle strictly last (all of the request's output, flushed streams included, is sent to the
/// sink before it). Replies are built from the request: identities and parent header are
/// copied from it. Headers come from one ``HeaderFactory`` (one session per process).
///
/// Threads: shell requests must come from one thread at a time (they touch the execution count
/// and history); the control channel may be served concurrently from another thread — on it
/// only `kernel_info_request`, `interrupt_request` and `shutdown_request` are served, which
/// touch only immutable state, the thread-safe ``CancellationFlag`` and the sink.
///
/// Spec: https://jupyter-client.readthedocs.io/en/latest/messaging.html
///
/// `@unchecked Sendable`: `executionCount` and `history` are touched only by the thread serving
/// shell (and by ``abort(_:on:)`` once that thread is done); everything else is immutable,
/// ``CancellationFlag`` or the Sendable sink.
public final class Kernel: @unchecked Sendable {
    let interpreter: any Interpreter
    let info: KernelInfo
    let sink: any MessageSink
    let headers: HeaderFactory
    /// Raised by interrupts; polled by running cells through ``ExecutionContext/isCancelled``.
    public let cancellation: CancellationFlag
    let clock: () -> Date
    let streamInterval: TimeInterval
    /// How long the reply to an execution that failed with `stop_on_error` is held.
    let abortWindow: AbortWindow
    let log: @Sendable (String) -> Void

    /// The count of the last non-silent execution (shell thread only).
    var executionCount = 0
    var history = HistoryStore()

    /// - Parameters:
    ///   - interpreter: the language; its `info` is read once, here.
    ///   - sink: where replies and IOPub messages go (thread-safe).
    ///   - headers: makes every outgoing header (fresh msg_id, this process's session).
    ///   - cancellation: the flag interrupts raise; share it with a SIGINT handler.
    ///   - streamInterval: longest time stream text is held back, in seconds.
    ///   - clock: ages buffered stream text and times the ``AbortWindow``.
    ///   - abortWindow: how long a failed execution's reply is held to abort what follows it.
    ///   - log: receives one line per dropped or invalid message.
    public init(
        interpreter: any Interpreter, sink: any MessageSink, headers: HeaderFactory = HeaderFactory(),
        cancellation: CancellationFlag = CancellationFlag(), streamInterval: TimeInterval = 0.1,
        clock: @escaping () -> Date = { Date() }, abortWindow: AbortWindow = .standard,
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) {
        self.interpreter = interpreter
        self.info = interpreter.info
        self.sink = sink
        self.headers = headers
        self.cancellation = cancellation
        self.streamInterval = streamInterval
        self.clock = clock
        self.abortWindow = abortWindow
        self.log = log
    }

    /// Publishes `status: starting` (once, when the process starts; parent `{}`).
    public func announceStarting() {
        sink.send(Message(header: headers.header(for: Status.messageType), content: Status(.starting).json), on: .iopub)
    }

    /// Handles one request from `channel`: busy, the request's effects and reply, idle.
    public func handle(_ message: Message, on channel: Channel) -> KernelAction {
        whileBusy(with: message) { dispatch(message, on: channel) }
    }

    /// Runs `body` between `status: busy` and `status: idle` with `message` as parent: the one
    /// place the envelope is written, so idle is sent after everything `body` sent.
    private func whileBusy<Result>(with message: Message, _ body: () -> Result) -> Result {
        publish(Status(.busy), parent: message)
        defer { publish(Status(.idle), parent: message) }
        return body()
    }

    /// Handles a message that arrived before the reply to an execution that failed with
    /// `stop_on_error` was sent: an execute_request gets an aborted reply (inside busy/idle)
    /// without running; anything else is handled normally.
    public func handleQueuedAfterFailure(_ message: Message, on channel: Channel) -> KernelAction {
        guard message.type == ExecuteRequest.messageType else { return handle(message, on: channel) }
        return abort(message, on: channel)
    }

    /// Answers a request that will not be served, inside busy/idle: a reply of the matching
    /// type with `status: aborted` (an execute_reply also carries the execution count).
    /// Messages that take no reply (`comm_*`) are dropped with a log line.
    ///
    /// Call it from the shell thread, or once no cell is starting on it (the count is only
    /// written when an execution starts).
    @discardableResult
    public func abort(_ message: Message, on channel: Channel) -> KernelAction {
        guard message.type.hasSuffix("_request") else {
            log("\(message.type) on \(channel.rawValue) dropped unanswered (aborted)")
            return .none
        }
        whileBusy(with: message) {
            if message.type == ExecuteRequest.messageType {
                reply(ExecuteReply.aborted(executionCount: executionCount), to: message, on: channel)
            } else {
                let type = Request.replyType(for: message.type)
                sink.send(
                    message.reply(type: type, content: ["status": "aborted"], header: headers.header(for: type)),
                    on: channel)
            }
        }
        return .none
    }

    /// Serves `source` until it closes or a shutdown is requested, aborting the executions
    /// that follow a failure. Returns `.shutdown` or, when the source closed, `.none`.
    ///
    /// When an execution fails with `stop_on_error`, its reply is held as ``AbortWindow``
    /// says, and every execute_request that reached `source` before the reply is sent gets an
    /// aborted reply. A request sent after the client saw that reply runs normally. When a
    /// shutdown_request is among those followers, the ones after it are answered as aborted.
    public func serve(_ source: any MessageSource, on channel: Channel) -> KernelAction {
        while let message = source.next() {
            let takenAt = clock()
            var followers: [Message] = []
            let action = whileBusy(with: message) {
                dispatch(message, on: channel) {
                    followers = self.collectFollowers(from: source, takenAt: takenAt)
                }
            }
            if case .shutdown = action { return action }
            for (index, follower) in followers.enumerated() {
                let followerAction = handleQueuedAfterFailure(follower, on: channel)
                guard case .shutdown = followerAction else { continue }
                for rest in followers[(index + 1)...] { abort(rest, on: channel) }
                return followerAction
            }
        }
        return .none
    }

    /// Takes every message that is waiting in `source` or arrives before the ``abortWindow``
    /// of a request taken at `takenAt` ends. Cost: at most ``AbortWindow/longest`` of waiting.
    func collectFollowers(from source: any MessageSource, takenAt: Date) -> [Message] {
        var followers: [Message] = []
        var lastArrival: Date?
        while true {
            let remaining = abortWindow.deadline(takenAt: takenAt, lastArrival: lastArrival).timeIntervalSince(clock())
            guard let message = remaining > 0 ? source.next(timeout: remaining) : source.nextIfQueued() else {
                return followers
            }
            followers.append(message)
            if message.type == ExecuteRequest.messageType { lastArrival = clock() }
        }
    }

    /// Serves one request (without busy/idle). `beforeAbortingReply` runs when an execution
    /// failed with `stop_on_error`, before its reply is sent.
    private func dispatch(
        _ message: Message, on channel: Channel, beforeAbortingReply: () -> Void = {}
    ) -> KernelAction {
        let request: Request
        do {
            request = try Request(message)
        } catch {
            log("invalid \(message.type) on \(channel.rawValue): \(error)")
            replyError(
                to: message, on: channel, ErrorContent(name: "InvalidRequest", value: "\(message.type): \(error)"))
            return .none
        }
        if channel == .control && !request.isServedOnControl {
            replyError(
                to: message, on: channel,
                ErrorContent(name: "UnsupportedRequest", value: "\(message.type) is not served on the control channel")
            )
            return .none
        }
        switch request {
        case .kernelInfo: reply(KernelInfoReply(info), to: message, on: channel)
        case .execute(let execute):
            return self.execute(execute, message: message, on: channel, beforeAbortingReply: beforeAbortingReply)
        case .complete(let complete): self.complete(complete, message: message, on: channel)
        case .inspect(let inspect): self.inspect(inspect, message: message, on: channel)
        case .isComplete(let check):
            reply(IsCompleteReply(interpreter.isComplete(check.code)), to: message, on: channel)
        case .history(let query):
            reply(
                HistoryReply(entries: history.query(query.access), includeOutput: query.includeOutput), to: message,
                on: channel)
        case .commInfo: reply(CommInfoReply(comms: [:]), to: message, on: channel)
        case .commOpen(let open): commOpen(open, message: message)
        case .commMsg(let data): log("comm_msg for unknown comm \(data.commID) ignored")
        case .commClose(let close): log("comm_close for unknown comm \(close.commID) ignored")
        case .shutdown(let shutdown): return self.shutdown(shutdown, message: message, on: channel)
        case .interrupt:
            cancellation.set()
            reply(InterruptReply(), to: message, on: channel)
        case .unsupported(let type):
            log("unsupported message type \(type) on \(channel.rawValue)")
            replyError(
                to: message, on: channel,
                ErrorContent(name: "UnsupportedRequest", value: "spike does not handle \(type)"))
        }
        return .none
    }
}

extension Request {
    /// Requests answered on the control channel (safe to run beside a running cell).
    var isServedOnControl: Bool {
        switch self {
        case .kernelInfo, .shutdown, .interrupt: return true
        default: return false
        }
    }
}
