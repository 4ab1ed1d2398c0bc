import ArgumentParser
import SpikeEngine

/// The `spike` command line: the kernel, its stdio twin, installation, scripts and benchmarks.
@main
struct Spike: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spike",
        abstract: "A Jupyter kernel for spiking neural networks and their positional encodings.",
        version: SpikeEngine.version,
        subcommands: [KernelCommand.self, StdioCommand.self, InstallCommand.self, RunCommand.self, SweepCommand.self, BenchCommand.self]
    )

    /// Keeps freed tensor memory in the process (see `AllocatorTuning`: training otherwise
    /// spends most of its time in page faults), then runs the command.
    static func main() {
        AllocatorTuning.retainFreedMemory()
        main(nil)
    }
}
