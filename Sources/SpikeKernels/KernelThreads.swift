import COpenBLAS
import Dispatch
import Synchronization

/// How many threads the engine's kernels may split one large piece of work over
/// (docs/architecture.md §3), set by `BLAS.setThreads` (`%threads`): one knob for the engine's
/// threads, GEMMs included (`ThreadedGEMM`).
///
/// Work is split only when each part gets at least `minimumWork` elementary steps (a neuron
/// step, a scalar of a row pass), so small models never pay for a thread hand-off. Parts are
/// whole ranges of independent items — neurons, rows, features, heads — and each item's
/// arithmetic is the same whichever part runs it, so a split changes no result, bit for bit:
///
///     KernelThreads.split(items: rows, cost: features) { first, count in
///         // rows first..<first + count, exactly as the one-thread loop does them
///     }
public enum KernelThreads {
    private static let limit = Atomic<Int>(1)
    private static let rowWork = Atomic<Int>(defaultMinimumWork)
    private static let gemmWork = Atomic<Int>(defaultMinimumGEMMWork)
    /// Whether OpenBLAS has been told to use one thread (it starts with one per core).
    private static let blasSingle = Atomic<Bool>(false)

    /// Elementary steps per part below which splitting costs more than it gains: 2^21 neuron
    /// steps are about 0.4 ms of LIF sweep on one core. Measured on 2 shared cores: with parts
    /// of 2^19 the tutorial-size Spikformer's step took 15% more CPU on 2 threads and no less
    /// time (a hand-off and the wait for a woken thread cost tens of microseconds each); with
    /// 2^21 it splits nothing, while a paper-size one still splits nearly everything.
    public static let defaultMinimumWork = 1 << 21

    /// Multiply-adds per part of a split GEMM (`ThreadedGEMM`) below which it stays whole:
    /// 2^26 are about 1 ms of single-threaded OpenBLAS here (at 128 GFLOP/s); the tutorial
    /// models' largest GEMM (6144 × 256 × 64) stays whole, a paper-size one splits.
    public static let defaultMinimumGEMMWork = 1 << 26

    /// The elementary steps each part of a split must have.
    public static var minimumWork: Int { rowWork.load(ordering: .relaxed) }

    /// The multiply-adds each part of a split GEMM must have.
    public static var minimumGEMMWork: Int { gemmWork.load(ordering: .relaxed) }

    /// The threads a split may use.
    public static var count: Int { limit.load(ordering: .relaxed) }

    /// Sets the threads a split may use (at least 1). OpenBLAS itself always runs on the
    /// calling thread: its idle threads spin (up to ~0.1 s after each GEMM) on the cores the
    /// engine's other parts and other processes need, so large GEMMs are split here instead.
    /// The thresholds are for tests and benchmarks (a test lowers them to split small shapes);
    /// everything else keeps the defaults.
    public static func set(
        _ count: Int, minimumWork: Int = defaultMinimumWork, minimumGEMMWork: Int = defaultMinimumGEMMWork
    ) {
        limit.store(max(1, count), ordering: .relaxed)
        rowWork.store(max(1, minimumWork), ordering: .relaxed)
        gemmWork.store(max(1, minimumGEMMWork), ordering: .relaxed)
        singleThreadedBLAS()
    }

    /// Tells OpenBLAS to run every GEMM on its calling thread, once per process (before the
    /// first GEMM, `ThreadedGEMM`).
    static func singleThreadedBLAS() {
        if !blasSingle.exchange(true, ordering: .acquiringAndReleasing) {
            openblas_set_num_threads(1)
        }
    }

    /// How many parts `items` items of `cost` steps each make: at most `count`, each with at
    /// least `minimum` steps (`minimumWork` by default) and `alignment` items; 1 when the work is small.
    public static func parts(items: Int, cost: Int, alignment: Int = 1, minimum: Int? = nil) -> Int {
        let threads = count
        guard threads > 1, items > 0 else { return 1 }
        let work = items.multipliedReportingOverflow(by: Swift.max(cost, 1)).partialValue
        let perPart = Swift.max(minimum ?? minimumWork, 1)
        return Swift.max(1, Swift.min(threads, work / perPart, items / Swift.max(alignment, 1)))
    }

    /// Calls `body(first, count)` for consecutive ranges of `0..<items` (`items` items of
    /// about `cost` steps each), on up to `count` threads when the work is large enough, else
    /// once on this thread. Every range but the last holds a multiple of `alignment` items.
    /// The calling thread runs parts too; the call returns when all parts have ended.
    public static func split(items: Int, cost: Int, alignment: Int = 1, _ body: (Int, Int) -> Void) {
        run(parts: parts(items: items, cost: cost, alignment: alignment), items: items, alignment: alignment) {
            _, first, count in body(first, count)
        }
    }

    /// Calls `body(part, first, count)` for `parts` consecutive ranges of `0..<items` (as even
    /// as `alignment` allows; a range that would be empty is skipped), on that many threads
    /// when `parts` > 1. For kernels that keep something per part (`parts(items:cost:)` says
    /// how many), e.g. counts they combine afterwards in part order.
    public static func run(parts: Int, items: Int, alignment: Int = 1, _ body: (Int, Int, Int) -> Void) {
        guard parts > 1 else { return body(0, 0, items) }
        let alignment = Swift.max(alignment, 1)
        let size = ((items + parts - 1) / parts + alignment - 1) / alignment * alignment
        withoutActuallyEscaping(body) { body in
            let shared = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let first = part * size
                guard first < items else { return }
                shared.value(part, first, Swift.min(size, items - first))
            }
        }
    }

    /// `split` over the neurons of a [T, N] block: ranges aligned to 64 neurons.
    static func split(neurons: Int, steps: Int, _ body: (Int, Int) -> Void) {
        split(items: neurons, cost: steps, alignment: 64, body)
    }
}

/// Lets `split` hand the same range body to the threads of one `concurrentPerform`: each part
/// writes a disjoint range of items, and the call returns only when all parts have ended.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
