import Foundation
import JupyterWire

/// The shell-thread half of a Jupyter kernel: executions, completion, inspection, history and
/// comms around an ``Interpreter``, with the execution count, the history and the interpreter
/// it alone owns; the abort queue after a failure.
///
/// Not `Sendable`, on purpose (the conformance is marked unavailable): its state is confined to
/// the thread that made it, and the compiler refuses to hand it to another thread. A runtime
/// makes it on its shell thread — from an interpreter passed in as `sending` — and serves shell
/// from there; what other threads need (interrupts, `kernel_info`, shutdown, aborted replies,
/// the execution count) is in its ``KernelControl``, which is `Sendable`. A request both halves
/// answer (`kernel_info`, `interrupt`, `shutdown` on shell) is answered by the same code.
///
/// Every request is wrapped in busy/idle by ``KernelControl``, idle strictly last (all of the
/// request's output, flushed streams included, is sent to the sink before it).
public final class ShellHandler {
    let interpreter: any Interpreter
    /// The thread-safe half this handler sends through and mirrors its count to.
    let control: KernelControl
    let clock: () -> Date
    let streamInterval: TimeInterval
    /// How long the reply to an execution that failed with `stop_on_error` is held.
    let abortWindow: AbortWindow
    /// Where a cell's `input` asks the front end, when the runtime has a stdin channel.
    let stdin: StdinTransport?

    /// The count of the last non-silent execution (mirrored to ``KernelControl/executionCount``).
    public internal(set) var executionCount = 0 {
        didSet { control.executionStarted(executionCount) }
    }
    /// Where executions are recorded and `history_request` is answered from.
    let history: any HistoryBackend

    /// Call on the thread that will serve shell.
    ///
    /// - Parameters:
    ///   - interpreter: the language; only this handler calls it.
    ///   - control: the thread-safe half, made with the interpreter's `info`.
    ///   - streamInterval: longest time stream text is held back, in seconds.
    ///   - clock: ages buffered stream text and times the ``AbortWindow``.
    ///   - abortWindow: how long a failed execution's reply is held to abort what follows it.
    ///   - stdin: the stdin channel, for executions that allow input (`allow_stdin`).
    ///   - history: where executions are kept (default: this process's memory).
    public init(
        interpreter: any Interpreter, control: KernelControl, streamInterval: TimeInterval = 0.1,
        clock: @escaping () -> Date = { Date() }, abortWindow: AbortWindow = .standard, stdin: StdinTransport? = nil,
        history: (any HistoryBackend)? = nil
    ) {
        self.history = history ?? MemoryHistory()
        self.stdin = stdin
        self.interpreter = interpreter
        self.control = control
        self.streamInterval = streamInterval
        self.clock = clock
        self.abortWindow = abortWindow
    }

    /// Handles one shell request: busy, the request's effects and reply, idle.
    public func handle(_ message: Message) -> KernelAction {
        control.whileBusy(with: message) { dispatch(message) }
    }

    /// Handles a message that arrived before the reply to an execution that failed with
    /// `stop_on_error` was sent: an execute_request gets an aborted reply (inside busy/idle)
    /// without running; anything else is handled normally.
    public func handleQueuedAfterFailure(_ message: Message) -> KernelAction {
        guard message.type == ExecuteRequest.messageType else { return handle(message) }
        return control.abort(message, on: .shell)
    }

    /// Serves shell from `source` until it closes or a shutdown is requested, aborting the
    /// executions that follow a failure. Returns `.shutdown` or, when the source closed, `.none`.
    ///
    /// When an execution fails with `stop_on_error`, its reply is held as ``AbortWindow``
    /// says, and every execute_request that reached `source` before the reply is sent gets an
    /// aborted reply. A request sent after the client saw that reply runs normally. When a
    /// shutdown_request is among those followers, the ones after it are answered as aborted.
    public func serve(_ source: any MessageSource) -> KernelAction {
        while let message = source.next() {
            let takenAt = clock()
            var followers: [Message] = []
            let action = control.whileBusy(with: message) {
                dispatch(message) {
                    followers = self.collectFollowers(from: source, takenAt: takenAt)
                }
            }
            if case .shutdown = action { return action }
            for (index, follower) in followers.enumerated() {
                let followerAction = handleQueuedAfterFailure(follower)
                guard case .shutdown = followerAction else { continue }
                for rest in followers[(index + 1)...] { control.abort(rest, on: .shell) }
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
    private func dispatch(_ message: Message, beforeAbortingReply: () -> Void = {}) -> KernelAction {
        guard let request = control.decode(message, on: .shell) else { return .none }
        switch request {
        case .kernelInfo: control.replyKernelInfo(to: message, on: .shell)
        case .execute(let execute):
            return self.execute(execute, message: message, beforeAbortingReply: beforeAbortingReply)
        case .complete(let complete): self.complete(complete, message: message)
        case .inspect(let inspect): self.inspect(inspect, message: message)
        case .isComplete(let check):
            control.reply(IsCompleteReply(interpreter.isComplete(check.code)), to: message, on: .shell)
        case .history(let query):
            control.reply(
                HistoryReply(entries: history.query(query.access), includeOutput: query.includeOutput), to: message,
                on: .shell)
        case .commInfo: control.reply(CommInfoReply(comms: [:]), to: message, on: .shell)
        case .commOpen(let open): commOpen(open, message: message)
        case .commMsg(let data): control.log("comm_msg for unknown comm \(data.commID) ignored")
        case .commClose(let close): control.log("comm_close for unknown comm \(close.commID) ignored")
        case .shutdown(let shutdown): return control.shutdown(shutdown, message: message, on: .shell)
        case .interrupt: control.interrupt(message, on: .shell)
        case .unsupported(let type):
            control.log("unsupported message type \(type) on shell")
            control.replyError(
                to: message, on: .shell,
                ErrorContent(name: "UnsupportedRequest", value: "spike does not handle \(type)"))
        }
        return .none
    }
}

/// Shell state belongs to the thread that made the handler: never sent elsewhere.
@available(*, unavailable)
extension ShellHandler: Sendable {}
