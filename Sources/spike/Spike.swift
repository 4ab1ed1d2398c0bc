import ArgumentParser
import SpikeEngine

@main
struct Spike: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spike",
        abstract: "A Jupyter kernel for spiking neural networks and their positional encodings.",
        version: SpikeEngine.version,
        subcommands: [BenchCommand.self]
    )
}
