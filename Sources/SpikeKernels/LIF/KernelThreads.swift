import COpenBLAS
import Dispatch
import Synchronization

/// How many threads the LIF kernels may split one large block over (docs/architecture.md §5),
/// set with OpenBLAS's thread count (`BLAS.setThreads`): one knob for the engine's threads.
///
/// A block is split only when it has at least `minimumNeuronSteps` neuron-steps per part, so
/// small models never pay for a thread hand-off; parts are whole ranges of neurons aligned to
/// 64, and each neuron's recurrence is independent, so a split changes no result.
public enum KernelThreads {
    private static let limit = Atomic<Int>(1)
    /// The OpenBLAS thread count last set by `gemm(m:n:k:)` (0: not yet).
    private static let blasThreads = Atomic<Int>(0)

    /// Multiply-adds of one GEMM below which OpenBLAS gets one thread: measured on 2 cores,
    /// a second thread slowed the tutorial models' GEMMs (6144 × 64 × 64) and sped up those
    /// of a paper-size Spikformer (43,008 × 256 × 256: 1.6×).
    public static let minimumGEMMWork = 1 << 27

    /// Gives OpenBLAS the threads a GEMM of m × n × k multiply-adds gains from: `count` for a
    /// large one, 1 otherwise (OpenBLAS's own threshold is far lower). Called before every GEMM.
    public static func gemm(m: Int, n: Int, k: Int) {
        let wanted =
            m.multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(by: k).partialValue
                >= minimumGEMMWork ? count : 1
        if blasThreads.exchange(wanted, ordering: .relaxed) != wanted {
            openblas_set_num_threads(Int32(wanted))
        }
    }

    /// Neuron-steps per part below which splitting costs more than it gains (about 0.1 ms of
    /// sweep on one core).
    public static let minimumNeuronSteps = 1 << 19

    /// The threads a block may use.
    public static var count: Int { limit.load(ordering: .relaxed) }

    /// Sets the threads a block or a large GEMM may use (at least 1), and gives OpenBLAS that many.
    public static func set(_ count: Int) {
        let count = max(1, count)
        limit.store(count, ordering: .relaxed)
        blasThreads.store(count, ordering: .relaxed)
        openblas_set_num_threads(Int32(count))
    }

    /// Calls `body(start, count)` for consecutive ranges of `0..<neurons`, on up to `count`
    /// threads when the block is large enough, else once on this thread.
    static func split(neurons: Int, steps: Int, _ body: (Int, Int) -> Void) {
        let parts = max(1, min(count, steps * neurons / minimumNeuronSteps, neurons / 64))
        guard parts > 1 else { return body(0, neurons) }
        let size = (neurons / parts + 63) / 64 * 64
        withoutActuallyEscaping(body) { body in
            let shared = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = part * size
                guard start < neurons else { return }
                shared.value(start, min(size, neurons - start))
            }
        }
    }
}

/// Lets `split` hand the same range body to the threads of one `concurrentPerform`: each part
/// writes a disjoint range of neurons, and the call returns only when all parts have ended.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
