import Foundation
import JupyterKernel
import JupyterWire

/// Serves a kernel over JSON lines, as `spike stdio` does: the same messages as over ZeroMQ,
/// for editors and pipes.
///
/// Input: one JSON object per line with `channel` ("shell" or "control"), `header`,
/// `parent_header`, `metadata`, `content`. Output: every reply and IOPub message as one JSON
/// line carrying its `channel`. No signing, no heartbeat.
///
/// A reader thread takes lines as they come: control requests (interrupt, shutdown,
/// kernel_info) are answered at once, even while a cell runs; shell requests queue for the
/// shell thread, in order; SIGINT interrupts a running cell. A line that is not a message gets
/// an IOPub `error` message (`ename` "MalformedLine", parent `{}`) and reading goes on.
///
/// Ending:
/// - At end of input, the queued requests are served, then the runtime returns: a script
///   piped in is run to its end.
/// - A `shutdown_request` on control interrupts the running cell and waits for it to end (at
///   most ``shutdownGrace``), answers every shell request still queued with a `status:
///   aborted` reply (inside busy/idle, nothing run), then sends the `shutdown_reply` (last)
///   and returns. Every request received before the shutdown is answered — unless the running
///   cell ignores the interrupt for longer than the grace, whose reply is then dropped (logged).
///   A `shutdown_request` on shell is served in its turn; what was queued behind it is
///   answered as aborted.
/// - When the output is gone — a write fails, or the reader of stdout closed it (watched
///   with `poll`, so even a silent cell is noticed) — the running cell is interrupted and the
///   runtime returns at once, as the ZeroMQ kernel does when its parent dies.
public enum StdioKernelRuntime {
    /// How long a shutdown waits for the interrupted cell to end, in seconds.
    public static let shutdownGrace: TimeInterval = 1

    /// Serves `interpreter` on stdin/stdout until shutdown, end of input or a closed stdout;
    /// returns the exit status (0).
    public static func run(interpreter: sending any Interpreter) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        return run(
            interpreter: interpreter, readLine: { Swift.readLine(strippingNewline: true) },
            writeLine: { line in
                (try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))) != nil
            },
            interruptsOnSIGINT: true, awaitOutputClosed: { waitUntilUnread(STDOUT_FILENO) }
        )
    }

    /// Serves `interpreter` on the given line source and line writer (the seam tests use).
    /// `writeLine` returns false when the output is gone; the runtime then stops. With
    /// `interruptsOnSIGINT`, a SIGINT interrupts the running cell (as an `interrupt_request`
    /// does) instead of ending the process — what an editor's Ctrl-C sends.
    /// `awaitOutputClosed`, when given, blocks until nobody reads the output any more (it may
    /// also return false: the output cannot be watched); the runtime then stops.
    public static func run(
        interpreter: sending any Interpreter, readLine: @escaping @Sendable () -> String?,
        writeLine: @escaping @Sendable (String) -> Bool, interruptsOnSIGINT: Bool = false,
        awaitOutputClosed: (@Sendable () -> Bool)? = nil,
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) -> Int32 {
        let stop = StopSignal()
        let sink = LineMessageSink { line in
            if !writeLine(line) { stop.raise() }
        }
        let headers = HeaderFactory()
        let control = KernelControl(info: interpreter.info, sink: sink, headers: headers, log: log)
        let shellQueue = MessageQueue()
        // Before any thread serves a request: a SIGINT must never find the default action.
        let interrupts = interruptsOnSIGINT ? SignalInterrupts(cancellation: control.cancellation) : nil
        control.announceStarting()

        // The interpreter moves to the shell thread; the handler that owns it is made there.
        let shellStackSize = interpreter.callerStackSize
        let shellThread = ServiceThread(name: "spike-shell", stackSize: shellStackSize) {
            let shell = ShellHandler(interpreter: interpreter, control: control)
            guard case .shutdown = shell.serve(shellQueue) else { return }
            for message in shellQueue.closeAndTakeWaiting() { control.abort(message, on: .shell) }
            stop.raise()
        }
        if let awaitOutputClosed {
            _ = ServiceThread(name: "spike-stdout-watch", stackSize: 256 << 10) {
                guard awaitOutputClosed() else { return }
                log("stdout was closed; stopping")
                stop.raise()
            }
        }
        _ = ServiceThread(name: "spike-stdin", stackSize: 16 << 20) {
            while !stop.isRaised, let line = readLine() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                switch JSONLineCodec.decode(line) {
                case .success((.shell, let message)):
                    shellQueue.push(message)
                case .success((.control, let message)):
                    if case .shutdown? = try? Request(message) {
                        shutDown(message, control: control, shellQueue: shellQueue, shellThread: shellThread, log: log)
                        stop.raise()
                        return
                    }
                    _ = control.handle(message)
                case .success((let channel, let message)):
                    report("channel \(channel.rawValue) does not take requests (\(message.type))", sink, headers, log)
                case .failure(let error):
                    report(error.description, sink, headers, log)
                }
            }
            shellQueue.close()
            while !stop.isRaised && !shellThread.join(timeout: 1) {}
            stop.raise()
        }
        stop.wait()
        control.cancellation.set()
        interrupts?.cancel()
        return 0
    }

    /// A `shutdown_request` on control: interrupt the running cell and let it end (at most
    /// ``shutdownGrace``), answer the queued shell requests as aborted, then reply. Runs on the
    /// reader thread: the aborted replies carry `control`'s mirror of the execution count, safe
    /// to read even when the cell outlived the grace.
    private static func shutDown(
        _ request: Message, control: KernelControl, shellQueue: MessageQueue, shellThread: ServiceThread,
        log: (String) -> Void
    ) {
        control.cancellation.set()
        let waiting = shellQueue.closeAndTakeWaiting()
        if !shellThread.join(timeout: shutdownGrace) {
            log("the running cell did not stop within \(shutdownGrace) s of shutdown_request; its reply is dropped")
        }
        for message in waiting { control.abort(message, on: .shell) }
        _ = control.handle(request)
    }

    /// Blocks until nobody reads `descriptor` any more: `poll` reports an error or hang-up (a
    /// pipe or socket whose reader closed it). Returns false when it cannot tell (poll failed);
    /// for files and terminals that stay open it never returns.
    private static func waitUntilUnread(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: 0, revents: 0)
        while true {
            let ready = poll(&entry, 1, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return false }
            return entry.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0
        }
    }

    /// Answers a line that is not a usable request with an IOPub `error` message.
    private static func report(
        _ reason: String, _ sink: LineMessageSink, _ headers: HeaderFactory, _ log: (String) -> Void
    ) {
        log("dropped stdio line: \(reason)")
        let error = ErrorContent(name: "MalformedLine", value: reason)
        sink.send(
            Message(header: headers.header(for: ErrorOutput.messageType), content: ErrorOutput(error).json), on: .iopub)
    }
}
