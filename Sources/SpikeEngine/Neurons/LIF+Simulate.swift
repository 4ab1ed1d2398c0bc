/// Running one neuron over an input sequence, in Float64.
extension LIF {
    /// The trace of this neuron driven by `input` (one value per step; T = input.count),
    /// starting from V[0] = 0. Cost: O(T).
    ///
    ///     try LIF(tau: 2).simulate(input: [1.2, 1.2, 1.2]).spikes   // [false, false, true]
    public func simulate(input: [Double]) -> Trace {
        var recorder = TraceRecorder(capacity: input.count)
        recorder.run(self, over: input[...])
        return recorder.trace(threshold: threshold)
    }

    /// The trace of this neuron driven by `input`, polling `isCancelled` every
    /// `cancellationChunk` steps; throws `.interrupted` when it fires. Cost: O(T).
    public func simulate(input: [Double], isCancelled: CancellationCheck?) throws -> Trace {
        try record(input.count, isCancelled: isCancelled) { input[$0] }
    }

    /// The trace under a constant `current` for `steps` steps; checks the memory budget first
    /// and `.value(argument: "steps")` for a negative count. `isCancelled` is polled every
    /// `cancellationChunk` steps. Cost: O(steps).
    public func simulate(
        current: Double, steps: Int, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Trace {
        guard steps >= 0 else {
            throw EngineError.value(argument: "steps", message: "must not be negative, got \(steps)")
        }
        // Charge and membrane (8 bytes each) and spikes (1) are 17 bytes a step; a trace shown as
        // a result draws its membrane plot: 84 bytes a step at the peak, measured when the plot
        // still thinned whole segments (it now thins as steps stream by, so this is an upper bound).
        try budget.check(count: steps, bytesEach: 84)
        return try record(steps, isCancelled: isCancelled) { repeatElement(current, count: $0.count) }
    }
}
