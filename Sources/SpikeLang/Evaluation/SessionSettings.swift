import SpikeEngine

/// Session-wide settings the library reads: the random seed, the thread count, the memory
/// budget, and the last training run or comparison. Values, owned by the `Session` and lent to
/// each run (a cell that fails still hands them back, so an interrupted run is kept).
struct SessionSettings {
    /// Seed of every random source (`seed(n)`, `%seed N`).
    var seed: UInt64 = 0
    /// Worker threads the engine may use (`%threads N`).
    var threads = 1
    /// The most bytes a single request may allocate before failing with `ResourceError`: by
    /// default a share of what the process's limits (cgroup, `RLIMIT_AS`, memory) still allow.
    var budget = MemoryBudget.standard
    /// What the last `train` or `compare` produced, finished or interrupted (`last_run()`);
    /// nil until one ran. Holds the run's best weights (a copy of the network's parameters).
    var lastRun: ModelValue?

    init() {}

    init(budget: MemoryBudget) {
        self.budget = budget
    }
}
