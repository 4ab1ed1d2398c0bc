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

    /// Neuron-steps per part below which splitting costs more than it gains (about 0.1 ms of
    /// sweep on one core).
    public static let minimumNeuronSteps = 1 << 19

    /// The threads a block may use.
    public static var count: Int { limit.load(ordering: .relaxed) }

    /// Sets the threads a block may use (at least 1).
    public static func set(_ count: Int) {
        limit.store(max(1, count), ordering: .relaxed)
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
