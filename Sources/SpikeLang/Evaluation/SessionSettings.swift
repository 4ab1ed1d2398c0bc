import SpikeEngine

/// Session-wide settings the library reads: the random seed, the thread count and the memory
/// budget. Values, owned by the `Session` and lent to each run.
struct SessionSettings {
    /// Seed of every random source (`seed(n)`, `%seed N`).
    var seed: UInt64 = 0
    /// Worker threads the engine may use (`%threads N`).
    var threads = 1
    /// The most bytes a single request may allocate before failing with `ResourceError`: by
    /// default a share of what the process's limits (cgroup, `RLIMIT_AS`, memory) still allow.
    var budget = MemoryBudget.standard

    init() {}

    init(budget: MemoryBudget) {
        self.budget = budget
    }
}
