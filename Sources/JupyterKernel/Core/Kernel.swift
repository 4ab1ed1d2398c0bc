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
public final class Kernel: @unchecked Sendable {
    let interpreter: any Interpreter
    let info: KernelInfo
    let sink: any MessageSink
    let headers: HeaderFactory
    /// Raised by interrupts; polled by running cells through ``ExecutionContext/isCancelled``.
    public let cancellation: CancellationFlag
    let clock: () -> Date
    let streamInterval: TimeInterval
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
    ///   - clock: ages buffered stream text.
    ///   - log: receives one line per dropped or invalid message.
    public init(
        interpreter: any Interpreter, sink: any MessageSink, headers: HeaderFactory = HeaderFactory(),
        cancellation: CancellationFlag = CancellationFlag(), streamInterval: TimeInterval = 0.1,
        clock: @escaping () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) {
        self.interpreter = interpreter
        self.info = interpreter.info
        self.sink = sink
        self.headers = headers
        self.cancellation = cancellation
        self.streamInterval = streamInterval
        self.clock = clock
        self.log = log
    }

    /// Publishes `status: starting` (once, when the process starts; parent `{}`).
    public func announceStarting() {
        sink.send(Message(header: headers.header(for: Status.messageType), content: Status(.starting).json), on: .iopub)
    }

    /// Handles one request from `channel`: busy, the request's effects and reply, idle.
    public func handle(_ message: Message, on channel: Channel) -> KernelAction {
        publish(Status(.busy), parent: message)
        let action = dispatch(message, on: channel)
        publish(Status(.idle), parent: message)
        return action
    }

    /// Handles a message that was already queued when an execution failed with
    /// `stop_on_error`: an execute_request gets an aborted reply (inside busy/idle) without
    /// running; anything else is handled normally.
    public func handleQueuedAfterFailure(_ message: Message, on channel: Channel) -> KernelAction {
        guard message.type == ExecuteRequest.messageType else { return handle(message, on: channel) }
        publish(Status(.busy), parent: message)
        reply(ExecuteReply.aborted(executionCount: executionCount), to: message, on: channel)
        publish(Status(.idle), parent: message)
        return .none
    }

    /// Serves `source` until it closes or a shutdown is requested, aborting queued executions
    /// after a failure. Returns `.shutdown` or, when the source closed, `.none`.
    ///
    /// "Queued" means waiting in `source` before the failed request's idle is published: the
    /// idle tells the client the kernel is ready, so a request sent after seeing it runs
    /// normally (as in ipykernel, which snapshots its queue before the idle).
    public func serve(_ source: any MessageSource, on channel: Channel) -> KernelAction {
        while let message = source.next() {
            publish(Status(.busy), parent: message)
            let action = dispatch(message, on: channel)
            var waiting: [Message] = []
            if action == .abortQueuedExecutions {
                while let queued = source.nextIfQueued() { waiting.append(queued) }
            }
            publish(Status(.idle), parent: message)
            if case .shutdown = action { return action }
            for queued in waiting {
                let queuedAction = handleQueuedAfterFailure(queued, on: channel)
                if case .shutdown = queuedAction { return queuedAction }
            }
        }
        return .none
    }

    private func dispatch(_ message: Message, on channel: Channel) -> KernelAction {
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
        case .execute(let execute): return self.execute(execute, message: message, on: channel)
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
