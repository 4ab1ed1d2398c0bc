import ArgumentParser
import Foundation
import SpikeEngine

/// The `spike` command line: the kernel, its stdio twin, installation, scripts, sweeps and benchmarks.
@main
struct Spike: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spike",
        abstract: "A Jupyter kernel for spiking neural networks and their positional encodings.",
        version: SpikeEngine.version,
        subcommands: [
            KernelCommand.self, StdioCommand.self, InstallCommand.self, RunCommand.self, SweepCommand.self,
            BenchCommand.self, LSPCommand.self
        ]
    )

    /// The exit status of a command line that cannot start, as getopt-style tools and Python's
    /// argparse use it (swift-argument-parser's own is 64).
    static let usageFailureStatus: Int32 = 2

    /// Keeps freed tensor memory in the process (see `AllocatorTuning`: training otherwise
    /// spends most of its time in page faults), then runs the command. A command line that
    /// cannot be parsed or validated exits with `usageFailureStatus`.
    static func main() {
        AllocatorTuning.retainFreedMemory()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(usageFailureStatus)
        }
    }
}
