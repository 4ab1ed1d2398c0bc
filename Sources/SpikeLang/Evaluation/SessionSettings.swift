import Foundation
import SpikeEngine

/// Session-wide settings the library reads: the random seed, the thread count, the memory
/// budget, and the last training run or comparison. Values, owned by the `Session` and lent to
/// each run (a cell that fails still hands them back, so an interrupted run is kept).
struct SessionSettings {
    /// Seed of every random source (`seed(n)`, `%seed N`).
    var seed: UInt64 = 0
    /// The session's cap on threads (`%threads N`); nil until set. It caps `compare`'s
    /// parallel runs (default: every core) and gives `train`'s matrix products their OpenBLAS
    /// threads (default 1: small models run fastest on one).
    var threads: Int?

    /// Threads for the matrix products of one training run.
    var blasThreads: Int { max(1, threads ?? 1) }

    /// The cores of this machine: what `compare` uses when `%threads` did not cap it.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
    /// The most bytes a single request may allocate before failing with `ResourceError`: by
    /// default a share of what the process's limits (cgroup, `RLIMIT_AS`, memory) still allow.
    var budget = MemoryBudget.standard
    /// Which images figures are sent as (`%figure_format`).
    var figureFormat = FigureFormat.standard
    /// What the last `train` or `compare` produced, finished or interrupted (`last_run()`);
    /// nil until one ran. Holds the run's best weights (a copy of the network's parameters).
    var lastRun: ModelValue?

    init() {}

    init(budget: MemoryBudget) {
        self.budget = budget
    }
}
