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
        // The input, charge and membrane (8 bytes each) and spikes (1) are 25 bytes a step; a
        // trace shown as a result draws its membrane plot, 84 bytes a step at the peak (measured).
        try budget.check(count: steps, bytesEach: 84)
        return simulate(input: [Double](repeating: current, count: steps))
    }
}
