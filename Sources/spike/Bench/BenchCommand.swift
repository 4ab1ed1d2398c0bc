import ArgumentParser

/// `spike bench`: engine micro-benchmarks, each printing one JSON object on stdout.
///
///     spike bench lif --steps 4 --batch 64 --features 1024 --threads 1
///     spike bench linear --rows 16384 --inputs 256 --outputs 256
///     spike bench block --steps 4 --batch 32 --length 48 --dim 64 --heads 4
///     spike bench kernel --code "1+1"
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Engine micro-benchmarks printed as JSON (medians of timed repetitions after warm-up).",
        subcommands: [
            LIFBenchCommand.self, LinearBenchCommand.self, BlockBenchCommand.self, TrainBenchCommand.self,
            KernelBenchCommand.self, CompareBenchCommand.self
        ]
    )
}
