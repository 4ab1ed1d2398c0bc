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
/// shell thread, in order; SIGINT interrupts a running cell. A line that is not a message gets an IOPub `error` message
/// (`ename` "MalformedLine", parent `{}`) and reading goes on. The runtime returns after a
/// `shutdown_request`, or at end of input once queued requests are done.
public enum StdioKernelRuntime {
    /// Serves `interpreter` on stdin/stdout until shutdown, end of input or a closed stdout;
    /// returns the exit status (0).
    public static func run(interpreter: any Interpreter) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        return run(
            interpreter: interpreter, readLine: { Swift.readLine(strippingNewline: true) },
            writeLine: { line in
                (try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))) != nil
            },
            interruptsOnSIGINT: true
        )
    }

    /// Serves `interpreter` on the given line source and line writer (the seam tests use).
    /// `writeLine` returns false when the output is gone; the runtime then stops. With
    /// `interruptsOnSIGINT`, a SIGINT interrupts the running cell (as an `interrupt_request`
    /// does) instead of ending the process — what an editor's Ctrl-C sends.
    public static func run(
        interpreter: any Interpreter, readLine: @escaping @Sendable () -> String?,
        writeLine: @escaping (String) -> Bool, interruptsOnSIGINT: Bool = false,
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) -> Int32 {
        let stop = StopSignal()
        let sink = LineMessageSink { line in
            if !writeLine(line) { stop.raise() }
        }
        let headers = HeaderFactory()
        let kernel = Kernel(interpreter: interpreter, sink: sink, headers: headers, log: log)
        let shellQueue = MessageQueue()
        // Before any thread serves a request: a SIGINT must never find the default action.
        let interrupts = interruptsOnSIGINT ? SignalInterrupts(cancellation: kernel.cancellation) : nil
        kernel.announceStarting()

        _ = ServiceThread(name: "spike-shell", stackSize: interpreter.callerStackSize) {
            _ = kernel.serve(shellQueue, on: .shell)
            stop.raise()
        }
        _ = ServiceThread(name: "spike-stdin", stackSize: 16 << 20) {
            while !stop.isRaised, let line = readLine() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                switch JSONLineCodec.decode(line) {
                case .success((.shell, let message)):
                    shellQueue.push(message)
                case .success((.control, let message)):
                    if case .shutdown = kernel.handle(message, on: .control) {
                        shellQueue.closeAndTakeWaiting()
                        stop.raise()
                        return
                    }
                case .success((let channel, let message)):
                    report("channel \(channel.rawValue) does not take requests (\(message.type))", sink, headers, log)
                case .failure(let error):
                    report(error.description, sink, headers, log)
                }
            }
            shellQueue.close()
        }
        stop.wait()
        interrupts?.cancel()
        return 0
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
