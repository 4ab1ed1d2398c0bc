/// The integrate-and-fire neuron (no leak), as SpikingJelly's `IFNode` (docs/science.md §1):
///
///     charge   H[t] = V[t-1] + X[t]
///     fire     S[t] = H[t] >= V_th
///     reset    V[t] = H[t]·(1 − S[t]) + V_reset·S[t]    (reset .zero, hard, to V_reset)
///              V[t] = H[t] − S[t]·V_th                  (reset .subtract, soft)
///              V[t] = H[t]                              (reset .none)
///
/// with V[0] = V_reset for the hard reset and 0 for the soft one. Under a constant current I > 0
/// from V[0] it first fires at t* = ceil((V_th − V[0]) / I): Lemma 1 with beta = 1.
///
///     try IntegrateAndFire(threshold: 1).simulate(input: [0.4, 0.4, 0.4]).spikes   // [false, false, true]
public struct IntegrateAndFire: Neuron, Equatable {
    public let threshold: Double
    public let reset: ResetRule
    public let firing: FiringRule
    public let resetPotential: Double
    public let detachReset: Bool
    public let surrogate: Surrogate

    /// An IF neuron; defaults: threshold 1, hard reset to V_reset = 0, `>=`, detached reset, atan(2).
    public init(
        threshold: Double = 1, reset: ResetRule = .zero, resetPotential: Double = 0, firing: FiringRule = .atOrAbove,
        detachReset: Bool = true, surrogate: Surrogate = .standard
    ) throws {
        try Self.validate(threshold: threshold, resetPotential: resetPotential, surrogate: surrogate)
        self.threshold = threshold
        self.reset = reset
        self.firing = firing
        self.resetPotential = resetPotential
        self.detachReset = detachReset
        self.surrogate = surrogate
    }

    @inline(__always)
    public func charge(membrane v: Double, input x: Double) -> Double {
        v + x
    }

    public func chargePartials(membrane v: Double, input x: Double) -> ChargePartials {
        ChargePartials(membrane: 1, input: 1)
    }

    public func withThreshold(_ threshold: Double) throws -> IntegrateAndFire {
        try IntegrateAndFire(
            threshold: threshold, reset: reset, resetPotential: resetPotential, firing: firing,
            detachReset: detachReset, surrogate: surrogate)
    }

    /// Lemma 1 with beta = 1 on the membrane above V[0] (`LIF.firstSpike`, settled against the
    /// recurrence); exact against `simulate` when V[0] = 0.
    public func firstSpike(current: Double) throws -> Int? {
        // The reset plays no part before the first spike (and LIF has no `.none`).
        try LIF(beta: 1, threshold: threshold - restingMembrane, reset: .subtract, firing: firing).firstSpike(current: current)
    }

    /// LIF(beta = 1, no input scaling) when the membrane starts at 0 (a soft reset, or a hard
    /// one to V_reset = 0): the same recurrence, so the fused kernels serve it (not `.none`).
    public var equivalentLIF: LIF? {
        guard restingMembrane == 0, reset != .none else { return nil }
        return try? LIF(
            beta: 1, threshold: threshold, reset: reset, firing: firing, decayInput: false,
            detachReset: detachReset, surrogate: surrogate)
    }

    public var builtinName: String { "if_neuron" }

    public var familyName: String { "IF" }

    public var settings: [NeuronSetting] {
        [
            NeuronSetting("threshold", .number(threshold)), NeuronSetting("reset", .text(reset.rawValue)),
            NeuronSetting("fire", .text(firing.rawValue)), NeuronSetting("v_reset", .number(resetPotential)),
            NeuronSetting("detach_reset", .flag(detachReset)),
            NeuronSetting("surrogate", .surrogate(surrogate))
        ]
    }
}
