import ArgumentParser
import Foundation
import JupyterKernel
import KernelHistory
import KernelRuntime
import SpikeKernel

/// `spike kernel -f FILE`: what kernel.json runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve the Spike kernel over ZeroMQ, as Jupyter starts it.",
        discussion: """
            Security: requests must carry the HMAC-SHA256 signature made with the connection \
            file's "key" (a file without one gets a random key, so nothing is accepted; an \
            empty key turns signing off, with a warning); a request seen before is refused \
            (the last 65536 signatures are remembered). When the file has "curve_publickey" \
            and "curve_secretkey" (jupyter_client's transport_encryption), every socket is \
            CurveZMQ-encrypted and a client without the public key gets nothing.

            Limits: a peer sending a frame larger than --max-message-bytes is disconnected \
            before it is read (the limit is per frame; with CurveZMQ, a peer without the key \
            cannot send anything); at most --send-queue-limit messages are queued for one peer \
            that does not read (past it, that peer's messages are dropped).

            History: executions are kept in a SQLite file shared by the user's kernels, \
            $SPIKE_HISTORY or spike/history.sqlite in Jupyter's data folder \
            ($JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter); \
            SPIKE_HISTORY=off keeps them in memory only.
            """
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    @Option(
        help: ArgumentHelp(
            "Largest frame a peer may send, in bytes (default \(TransportLimits.defaultMaxMessageBytes), or $\(TransportLimits.maxMessageBytesVariable)).",
            valueName: "bytes"))
    var maxMessageBytes: Int64?

    @Option(
        help: ArgumentHelp(
            "Messages queued for one peer that does not read (default \(TransportLimits.defaultSendQueueLimit), or $\(TransportLimits.sendQueueLimitVariable)).",
            valueName: "messages"))
    var sendQueueLimit: Int32?

    /// Where `help_links` point: `$SPIKE_DOCS_URL`, else the checkout's docs (``DocsLinks``).
    static var docsLinks: DocsLinks {
        DocsLinks(environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executableURL)
    }

    func run() throws {
        let status: Int32
        let limits = try transportLimits(environment: ProcessInfo.processInfo.environment)
        do {
            status = try ZeroMQKernelRuntime.run(
                connectionFile: connectionFile, interpreter: SpikeInterpreter(docs: Self.docsLinks), limits: limits,
                history: { Self.persistentHistory(environment: ProcessInfo.processInfo.environment) })
        } catch {
            throw ValidationError("cannot start the kernel with \(connectionFile): \(error)")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The SQLite history file (``HistoryFile``), or nil — history then stays in memory — when
    /// `SPIKE_HISTORY=off` or the file cannot be opened (logged; the kernel starts anyway).
    static func persistentHistory(environment: [String: String]) -> (any HistoryBackend)? {
        guard let path = HistoryFile.path(environment: environment) else { return nil }
        do {
            return try SQLiteHistory(path: path, log: KernelLog.standardError)
        } catch {
            KernelLog.standardError("warning: history stays in memory: cannot use \(path): \(error)")
            return nil
        }
    }

    /// The limits from the options, else the environment, else the defaults; each positive.
    func transportLimits(environment: [String: String]) throws -> TransportLimits {
        func value<Number: FixedWidthInteger>(
            _ option: Number?, _ variable: String, _ fallback: Number, _ flag: String
        ) throws -> Number {
            if let option {
                guard option > 0 else { throw ValidationError("--\(flag) must be positive, not \(option)") }
                return option
            }
            guard let text = environment[variable] else { return fallback }
            guard let number = Number(text), number > 0 else {
                throw ValidationError("$\(variable) must be a positive whole number, not \"\(text)\"")
            }
            return number
        }
        return TransportLimits(
            maxMessageBytes: try value(
                maxMessageBytes, TransportLimits.maxMessageBytesVariable, TransportLimits.defaultMaxMessageBytes,
                "max-message-bytes"),
            sendQueueLimit: try value(
                sendQueueLimit, TransportLimits.sendQueueLimitVariable, TransportLimits.defaultSendQueueLimit,
                "send-queue-limit")
        )
    }
}

/// `spike stdio`: the kernel protocol as JSON lines on stdin/stdout.
struct StdioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stdio",
        abstract: "Serve the kernel protocol as JSON lines on stdin/stdout (for editors and pipes).",
        discussion: """
            Each input line is one message object with channel, header, parent_header, metadata \
            and content; every reply and IOPub message is written as one line with its channel.
            """
    )

    func run() throws {
        let status = StdioKernelRuntime.run(interpreter: SpikeInterpreter(docs: KernelCommand.docsLinks))
        if status != 0 { throw ExitCode(status) }
    }
}
