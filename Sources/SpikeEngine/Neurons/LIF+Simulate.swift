/// Running one neuron over an input sequence, in Float64.
extension LIF {
    /// The trace of this neuron driven by `input` (one value per step; T = input.count),
    /// starting from V[0] = 0. Cost: O(T).
    ///
    ///     try LIF(tau: 2).simulate(input: [1.2, 1.2, 1.2]).spikes   // [false, false, true]
    public func simulate(input: [Double]) -> Trace {
        var charge = [Double]()
        var membrane = [Double]()
        var spikes = [Bool]()
        charge.reserveCapacity(input.count)
        membrane.reserveCapacity(input.count)
        spikes.reserveCapacity(input.count)
        var v = 0.0
        for x in input {
            let result = step(input: x, membrane: v)
            charge.append(result.charge)
            membrane.append(result.membrane)
            spikes.append(result.spike)
            v = result.membrane
        }
        return Trace(charge: charge, membrane: membrane, spikes: spikes, threshold: threshold)
    }

    /// The trace under a constant `current` for `steps` steps; checks the memory budget first
    /// and `.value(argument: "steps")` for a negative count.
    public func simulate(current: Double, steps: Int, budget: MemoryBudget = .standard) throws -> Trace {
        guard steps >= 0 else {
            throw EngineError.value(argument: "steps", message: "must not be negative, got \(steps)")
        }
        // Charge and membrane (8 bytes each) plus the input: about 5 Float32 slots per step.
        try budget.check(scalars: steps.multipliedReportingOverflow(by: 5).overflow ? Int.max : steps * 5)
        return simulate(input: [Double](repeating: current, count: steps))
    }
}
