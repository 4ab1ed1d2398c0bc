import Foundation
import JupyterKernel
import JupyterWire
import ZeroMQ

/// Serves a kernel over ZeroMQ, as `spike kernel -f CONNECTION_FILE` does.
///
/// Threads: heartbeat echo, IOPub publisher, departure watch (gives memory back after peers
/// leave, ``DepartureWatch``), control (serves the `Sendable` `KernelControl`), shell (makes
/// the `ShellHandler` and runs the interpreter, moved there, on a large stack); the calling
/// thread waits for a stop. A SIGINT raises the same cancellation flag as
/// `interrupt_request` instead of killing the process. When `JPY_PARENT_PID` names a process,
/// the kernel stops once that process is gone.
///
/// Shutdown: the `shutdown_reply` is sent, IOPub is closed (lingering to deliver what was
/// sent), the context is shut down, the stopped channels' sockets are closed and the context
/// terminated — which waits until the reply has left — and `run` returns within about 100 ms,
/// also when a cell is still running (its thread is then left to die with the process).
public enum ZeroMQKernelRuntime {
    /// Binds the sockets named by `connectionFile`, serves `interpreter` until a shutdown
    /// request (or the parent's death), and returns the process exit status (0).
    ///
    /// Logs a warning when the file turns signing off (empty `key`) or has no key (a random
    /// one is used, so every request is refused). A port 0 is bound to a free port, written
    /// back into the file.
    ///
    /// - Throws: ``ConnectionFileError`` when the file is unusable, ``TransportError`` when a
    ///   socket cannot be set up (e.g. the port is taken, or CURVE is asked for and missing).
    /// `history` makes, on the shell thread, where executions are kept (nil: in memory).
    public static func run(
        connectionFile: String, interpreter: sending any Interpreter, limits: TransportLimits = TransportLimits(),
        history: @escaping @Sendable () -> (any HistoryBackend)? = { nil },
        log: @escaping @Sendable (String) -> Void = KernelLog.standardError
    ) throws -> Int32 {
        let connection = try ConnectionInfo(contentsOf: connectionFile)
        for warning in securityWarnings(for: connection) { log("warning: \(warning)") }
        signal(SIGPIPE, SIG_IGN)
        let sockets = try KernelSockets(binding: connection, limits: limits)
        if sockets.bound != connection { try reportPorts(of: sockets.bound, in: connectionFile) }
        // Before any other thread uses the sockets: setting up a monitor is a socket operation.
        let departures = try DepartureWatch(
            sockets: [sockets.shell, sockets.control, sockets.stdin, sockets.iopub], context: sockets.context, log: log)
        let codec = WireCodec(key: connection.key)
        let headers = HeaderFactory()
        let gate = FrameGate(codec: codec, log: log)
        let publisher = IOPubPublisher(xpub: sockets.iopub, codec: codec, headers: headers, log: log)
        let sink = SocketMessageSink(
            shell: sockets.shell, control: sockets.control, iopub: publisher, codec: codec, log: log
        )
        let control = KernelControl(info: interpreter.info, sink: sink, headers: headers, log: log)
        let stdin = SocketStdinTransport(socket: sockets.stdin, codec: codec, gate: gate, log: log)
        let shellStackSize = interpreter.callerStackSize
        let stop = StopSignal()
        // Before any thread serves a request: a SIGINT must never find the default action.
        let interrupts = SignalInterrupts(cancellation: control.cancellation)
        let parentWatch = ParentWatch(environment: ProcessInfo.processInfo.environment, stop: stop)

        let heartbeatThread = ServiceThread(name: "spike-heartbeat") {
            do {
                try Proxy.run(frontend: sockets.heartbeat, backend: sockets.heartbeat)
            } catch {
                log("heartbeat: \(error)")
            }
            sockets.heartbeat.close()
        }
        let iopubThread = ServiceThread(name: "spike-iopub") { publisher.watchSubscriptions() }
        let departuresThread = ServiceThread(name: "spike-departures") { departures.run() }
        control.announceStarting()
        // Each source is made on, and owned by, the thread that reads it; so is the shell handler.
        let controlThread = ServiceThread(name: "spike-control", stackSize: 16 << 20) {
            let source = SocketMessageSource(socket: sockets.control, channel: .control, gate: gate, log: log)
            _ = control.serve(source)
            stop.raise()
        }
        let shellThread = ServiceThread(name: "spike-shell", stackSize: shellStackSize) {
            let source = SocketMessageSource(socket: sockets.shell, channel: .shell, gate: gate, log: log)
            let shell = ShellHandler(interpreter: interpreter, control: control, stdin: stdin, history: history())
            if case .shutdown = shell.serve(source) { stop.raise() }
        }

        stop.wait()
        parentWatch?.cancel()
        interrupts.cancel()
        control.cancellation.set()
        publisher.finish()
        sockets.context.shutdown()
        let controlStopped = controlThread.join(timeout: 0.06)
        let shellStopped = shellThread.join(timeout: 0.02)
        let othersStopped = [heartbeatThread, iopubThread, departuresThread].map { $0.join(timeout: 0.02) }.allSatisfy { $0 }
        if controlStopped { sockets.control.close() }
        if shellStopped { sockets.shell.close() }
        stdin.close()
        if controlStopped && shellStopped && othersStopped {
            deliverPendingMessages(of: sockets.context, waitingAtMost: 0.25)
        } else {
            // A socket is still held by a running cell, so the context cannot terminate;
            // give libzmq's I/O thread a moment to send the shutdown_reply anyway.
            Thread.sleep(forTimeInterval: 0.02)
        }
        return 0
    }

    /// What is unsafe about `connection`, one sentence each.
    static func securityWarnings(for connection: ConnectionInfo) -> [String] {
        switch connection.keyOrigin {
        case .generated:
            return [
                "the connection file has no \"key\": using a random one, so every request is refused "
                    + "(unsigned, or signed with another key); give the kernel the key its client signs with"
            ]
        case .file where connection.key.isEmpty:
            return [
                "message signing is off (the connection file's \"key\" is empty): any process that can "
                    + "reach the kernel's ports can run code in it"
            ]
        case .file:
            return []
        }
    }

    /// Writes the ports in use into the connection file, keeping its other fields — and its
    /// permissions: written in place, not replaced, since it holds the key.
    private static func reportPorts(of bound: ConnectionInfo, in path: String) throws(TransportError) {
        do {
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            try bound.replacingPorts(in: original).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .connectionFileNotUpdated(path: path, reason: "\(error)")
        }
    }

    /// Terminates `context` (all its sockets closed), which waits until their queued messages
    /// — the shutdown_reply above all — have left; bounded so that exit stays prompt.
    private static func deliverPendingMessages(of context: Context, waitingAtMost seconds: TimeInterval) {
        let delivered = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            context.terminate()
            delivered.signal()
        }
        _ = delivered.wait(timeout: .now() + seconds)
    }
}
