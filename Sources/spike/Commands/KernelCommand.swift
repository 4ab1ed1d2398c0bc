import ArgumentParser
import Foundation

/// `spike kernel -f FILE`: what kernel.json runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve the Spike kernel over ZeroMQ, as Jupyter starts it."
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    func run() throws {
        let status: Int32
        do {
            status = try ZeroMQKernelRuntime.run(connectionFile: connectionFile, interpreter: SpikeInterpreter())
        } catch {
            throw ValidationError("cannot start the kernel with \(connectionFile): \(error)")
        }
        if status != 0 { throw ExitCode(status) }
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
        let status = StdioKernelRuntime.run(interpreter: SpikeInterpreter())
        if status != 0 { throw ExitCode(status) }
    }
}
