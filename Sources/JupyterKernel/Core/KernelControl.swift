import Foundation
import JupyterWire
import Synchronization

/// The half of a Jupyter kernel that any thread may use: the control channel, interrupts,
/// shutdown, aborted replies — and the envelope every reply and IOPub message goes out in.
///
/// It is `Sendable` by construction (checked, not `@unchecked`): it holds only immutable
/// state (the interpreter's ``KernelInfo``, the sink, the header factory, the log), the
/// ``CancellationFlag`` and an atomic mirror of the shell's execution count. The shell-only
/// state — the interpreter, the execution count, history — lives in ``ShellHandler``, which is
/// not `Sendable`: a runtime makes it on the shell thread, and it never leaves that thread.
///
/// On the control channel (``handle(_:)``, ``serve(_:)``) it answers `kernel_info_request`,
/// `interrupt_request` and `shutdown_request` — also while a cell runs on shell — and any
/// other request with an `UnsupportedRequest` error reply. Every request is wrapped as
/// `status: busy` → side effects → reply → `status: idle`, with idle strictly last. Replies
/// are built from the request: identities and parent header are copied from it. Headers come
/// from one ``HeaderFactory`` (one session per process).
///
///     let control = KernelControl(info: interpreter.info, sink: sink)
///     // on the control thread:
///     control.serve(controlSource)
///     // on the shell thread, the interpreter moved there (`sending`):
///     ShellHandler(interpreter: interpreter, control: control).serve(shellSource)
///
/// Spec: https://jupyter-client.readthedocs.io/en/latest/messaging.html
public final class KernelControl: Sendable {
    let info: KernelInfo
    let sink: any MessageSink
    let headers: HeaderFactory
    /// Raised by interrupts and shutdown; polled by running cells through
    /// ``ExecutionContext/isCancelled``.
    public let cancellation: CancellationFlag
    let log: @Sendable (String) -> Void
    /// Written by the shell thread only (``ShellHandler``), read by any thread.
    private let executionCountMirror = Atomic<Int>(0)

    /// - Parameters:
    ///   - info: the interpreter's `kernel_info` (read once, on the thread that makes the kernel).
    ///   - sink: where replies and IOPub messages go (thread-safe).
    ///   - headers: makes every outgoing header (fresh msg_id, this process's session).
    ///   - cancellation: the flag interrupts raise; share it with a SIGINT handler.
    ///   - log: receives one line per dropped or invalid message.
    public init(
        info: KernelInfo, sink: any MessageSink, headers: HeaderFactory = HeaderFactory(),
        cancellation: CancellationFlag = CancellationFlag(),
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) {
        self.info = info
        self.sink = sink
        self.headers = headers
        self.cancellation = cancellation
        self.log = log
    }

    /// The count of the last non-silent execution started on the shell thread (0 before the
    /// first): the shell's own count, mirrored atomically when an execution starts, before its
    /// `execute_input` is published. One atomic load.
    public var executionCount: Int { executionCountMirror.load(ordering: .acquiring) }

    /// Records that the shell started execution `count` (shell thread only).
    func executionStarted(_ count: Int) {
        executionCountMirror.store(count, ordering: .releasing)
    }

    /// Publishes `status: starting` (once, when the process starts; parent `{}`).
    public func announceStarting() {
        sink.send(Message(header: headers.header(for: Status.messageType), content: Status(.starting).json), on: .iopub)
    }

    /// Handles one request from the control channel: busy, the request's effects and reply, idle.
    public func handle(_ message: Message) -> KernelAction {
        whileBusy(with: message) { dispatch(message) }
    }

    /// Serves the control channel from `source` until it closes (`.none`) or a shutdown is
    /// requested (`.shutdown`).
    public func serve(_ source: any MessageSource) -> KernelAction {
        while let message = source.next() {
            let action = handle(message)
            if case .shutdown = action { return action }
        }
        return .none
    }

    /// Answers a request that will not be served, inside busy/idle: a reply of the matching
    /// type with `status: aborted` (an execute_reply also carries ``executionCount``).
    /// Messages that take no reply (`comm_*`) are dropped with a log line. Safe from any
    /// thread, also while a cell still runs on shell.
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

    /// Runs `body` between `status: busy` and `status: idle` with `message` as parent: the one
    /// place the envelope is written, so idle is sent after everything `body` sent.
    func whileBusy<Result>(with message: Message, _ body: () -> Result) -> Result {
        publish(Status(.busy), parent: message)
        defer { publish(Status(.idle), parent: message) }
        return body()
    }

    /// The request in `message`, or nil after an `InvalidRequest` error reply on `channel`.
    func decode(_ message: Message, on channel: Channel) -> Request? {
        do {
            return try Request(message)
        } catch {
            log("invalid \(message.type) on \(channel.rawValue): \(error)")
            replyError(
                to: message, on: channel, ErrorContent(name: "InvalidRequest", value: "\(message.type): \(error)"))
            return nil
        }
    }

    /// Serves one control request (without busy/idle).
    private func dispatch(_ message: Message) -> KernelAction {
        guard let request = decode(message, on: .control) else { return .none }
        switch request {
        case .kernelInfo: replyKernelInfo(to: message, on: .control)
        case .interrupt: interrupt(message, on: .control)
        case .shutdown(let shutdown): return self.shutdown(shutdown, message: message, on: .control)
        default:
            replyError(
                to: message, on: .control,
                ErrorContent(name: "UnsupportedRequest", value: "\(message.type) is not served on the control channel")
            )
        }
        return .none
    }

    /// `kernel_info_request`: the interpreter's info.
    func replyKernelInfo(to message: Message, on channel: Channel) {
        reply(KernelInfoReply(info), to: message, on: channel)
    }

    /// `interrupt_request`: raise the cancellation flag (the running cell polls it) and reply.
    func interrupt(_ message: Message, on channel: Channel) {
        cancellation.set()
        reply(InterruptReply(), to: message, on: channel)
    }

    /// `shutdown_request`: raise the cancellation flag (a running cell should stop), reply on
    /// the requesting channel, broadcast the reply on IOPub, and tell the loop to stop.
    func shutdown(_ request: ShutdownRequest, message: Message, on channel: Channel) -> KernelAction {
        cancellation.set()
        let content = ShutdownReply(restart: request.restart)
        reply(content, to: message, on: channel)
        publish(content, parent: message)
        return .shutdown(restart: request.restart)
    }
}
