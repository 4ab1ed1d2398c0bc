/// Running one neuron over an input sequence, in Float64.
extension Neuron {
    /// The trace of this neuron driven by `input` (one value per step; T = input.count),
    /// starting from the resting membrane V[0]. Cost: O(T).
    ///
    ///     try LIF(tau: 2).simulate(input: [1.2, 1.2, 1.2]).spikes   // [false, false, true]
    public func simulate(input: [Double]) -> Trace {
        var recorder = TraceRecorder(capacity: input.count, membrane: restingMembrane)
        recorder.run(self, over: input[...])
        return recorder.trace(threshold: threshold, family: familyName)
    }

    /// The trace of this neuron driven by `input`, polling `isCancelled` every
    /// `cancellationChunk` steps; throws `.interrupted` when it fires. Cost: O(T).
    public func simulate(input: [Double], isCancelled: CancellationCheck?) throws -> Trace {
        try simulation(input: input, isCancelled: isCancelled)
    }

    /// The trace under a constant `current` for `steps` steps; checks the memory budget first
    /// and `.value(argument: .steps)` for a negative count. `isCancelled` is polled every
    /// `cancellationChunk` steps. Cost: O(steps).
    public func simulate(
        current: Double, steps: Int, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Trace {
        try simulation(current: current, steps: steps, budget: budget, isCancelled: isCancelled)
    }

    /// `simulate(input:isCancelled:)`'s body, for families that restate it (see `LIF+Simulate.swift`).
    func simulation(input: [Double], isCancelled: CancellationCheck?) throws -> Trace {
        try record(input.count, isCancelled: isCancelled) { input[$0] }
    }

    /// `simulate(current:steps:budget:isCancelled:)`'s body, for families that restate it.
    func simulation(current: Double, steps: Int, budget: MemoryBudget, isCancelled: CancellationCheck?) throws -> Trace {
        guard steps >= 0 else {
            throw EngineError.value(argument: .steps, message: "must not be negative, got \(steps)")
        }
        // Charge and membrane (8 bytes each) and spikes (1) are 17 bytes a step; a trace shown as
        // a result draws its membrane plot: 84 bytes a step at the peak, measured when the plot
        // still thinned whole segments (it now thins as steps stream by, so this is an upper bound).
        try budget.check(count: steps, bytesEach: 84)
        return try record(steps, isCancelled: isCancelled) { repeatElement(current, count: $0.count) }
    }

    /// The trace of `steps` steps whose inputs `input` gives per chunk of steps, polling
    /// `isCancelled` between chunks.
    private func record<Input: Sequence<Double>>(
        _ steps: Int, isCancelled: CancellationCheck?, input: (Range<Int>) -> Input
    ) throws -> Trace {
        var recorder = TraceRecorder(capacity: steps, membrane: restingMembrane)
        try forEachChunk(steps, isCancelled: isCancelled) { range in
            recorder.run(self, over: input(range))
        }
        return recorder.trace(threshold: threshold, family: familyName)
    }
}

/// The columns of a trace being recorded step by step, carrying the membrane between runs.
private struct TraceRecorder {
    var charge: [Double] = []
    var membrane: [Double] = []
    var spikes: [Bool] = []
    /// V[t], the membrane after the last recorded step (V[0] at rest).
    var v: Double

    init(capacity: Int, membrane start: Double) {
        v = start
        charge.reserveCapacity(capacity)
        membrane.reserveCapacity(capacity)
        spikes.reserveCapacity(capacity)
    }

    /// Steps `neuron` through `input`, appending one entry per step to each column.
    mutating func run(_ neuron: some Neuron, over input: some Sequence<Double>) {
        for x in input {
            let result = neuron.step(input: x, membrane: v)
            charge.append(result.charge)
            membrane.append(result.membrane)
            spikes.append(result.spike)
            v = result.membrane
        }
    }

    func trace(threshold: Double, family: String) -> Trace {
        Trace(charge: charge, membrane: membrane, spikes: spikes, threshold: threshold, family: family)
    }
}
