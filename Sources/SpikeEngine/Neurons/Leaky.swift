/// snnTorch 1.0's `Leaky` neuron, exactly (docs/science.md §1): its delayed reset, its three
/// reset mechanisms and its Float32 arithmetic.
///
/// snnTorch decides the reset from the *previous* membrane, r[t] = [V[t-1] > V_th] (detached),
/// and applies it while charging, undecayed; the spike test then reads the new membrane. Per
/// time step t = 1, 2, …, from V[0] = 0, with `>` replaced by `>=` under `firing: .atOrAbove`:
///
///     reset    r[t] = V[t-1] > V_th
///     charge   H[t] = beta · V[t-1] + X[t] − r[t] · V_th        (reset .subtract)
///              H[t] = beta · ((1 − r[t]) · V[t-1]) + X[t]       (reset .zero)
///              H[t] = beta · V[t-1] + X[t]                      (reset .none)
///     fire     S[t] = H[t] > V_th
///     state    V[t] = H[t]                                      (resetDelay, snnTorch's default)
///              V[t] = H[t] − (S[t] − r[t]) · V_th               (no delay, .subtract)
///              V[t] = H[t] − (S[t] − r[t]) · H[t]               (no delay, .zero)
///
/// V[t] is the `mem` snnTorch returns. With `resetDelay` a spike's threshold is subtracted at
/// the next step, after that step's decay, so the membrane stays (1 − beta)·V_th lower than
/// `LIF(beta:)`'s; without it the reset is immediate, and `r` only matters when the membrane is
/// still above threshold after a subtraction (then snnTorch subtracts again next step and undoes
/// the immediate reset when that step does not fire). Every operation is rounded to Float32 in
/// snnTorch's order, so traces and layers match its output bit for bit on Float32 inputs.
///
/// Backward: the delayed reset carries no gradient (snnTorch detaches it), ∂H/∂V = beta (times
/// 1 − r for `.zero`), ∂H/∂X = 1; the immediate reset (no delay) does carry one, as in snnTorch:
/// dV/dH = 1 − V_th·g' (`.subtract`) or 1 − S − H·g' (`.zero`, where r is always 0).
///
///     try Leaky(beta: 0.9).simulate(input: [2, 0, 0]).membrane   // ≈ [2, 0.8, 0.72] (2·0.9 − 1; Float32)
///     try LIF(beta: 0.9).simulate(input: [2, 0, 0]).membrane     // [1, 0.9, 0.81]
public struct Leaky: Neuron, Equatable {
    /// The membrane decay per step, in [0, 1] (snnTorch clamps it there; here it is checked).
    public let beta: Double
    public let threshold: Double
    /// snnTorch's `reset_mechanism`: `.subtract` (its default), `.zero` or `.none`.
    public let reset: ResetRule
    /// snnTorch's `reset_delay` (default true): the reset applies at the next step's charge.
    public let resetDelay: Bool
    public let firing: FiringRule
    public let surrogate: Surrogate

    /// snnTorch's `Leaky(beta, threshold=1.0, reset_mechanism="subtract", reset_delay=True)`
    /// with its `>` spike test and atan(alpha = 2) surrogate.
    public init(
        beta: Double, threshold: Double = 1, reset: ResetRule = .subtract, resetDelay: Bool = true,
        firing: FiringRule = .above, surrogate: Surrogate = .standard
    ) throws {
        guard beta.isFinite, beta >= 0, beta <= 1 else {
            throw EngineError.value(argument: .beta, message: "must lie in [0, 1], got \(beta)")
        }
        try Self.validate(threshold: threshold, resetPotential: 0, surrogate: surrogate)
        self.beta = beta
        self.threshold = threshold
        self.reset = reset
        self.resetDelay = resetDelay
        self.firing = firing
        self.surrogate = surrogate
    }

    /// Whether the reset carries no gradient: the delayed one never does, the immediate one does.
    public var detachReset: Bool { resetDelay }

    /// The spike test in Float32, against the Float32 threshold, as snnTorch's
    /// `spike_grad(mem - threshold)` (for Float32 a − b > 0 exactly when a > b).
    @inline(__always)
    private func fires(_ h: Float) -> Bool {
        firing == .atOrAbove ? h >= Float(threshold) : h > Float(threshold)
    }

    /// r[t], from the previous membrane, with the same test (snnTorch's `mem_reset` applies
    /// the Heaviside of `fire`).
    @inline(__always)
    private func pending(_ v: Float) -> Float {
        fires(v) ? 1 : 0
    }

    /// H[t] in Float32, each operation rounded as snnTorch's tensors are.
    @inline(__always)
    private func charge(_ v: Float, _ x: Float, _ r: Float) -> Float {
        let b = Float(beta)
        switch reset {
        case .subtract: return (b * v + x) - r * Float(threshold)
        case .zero: return b * ((1 - r) * v) + x
        case .none: return b * v + x
        }
    }

    public func charge(membrane v: Double, input x: Double) -> Double {
        let state = Float(v)
        return Double(charge(state, Float(x), pending(state)))
    }

    public func chargePartials(membrane v: Double, input x: Double) -> ChargePartials {
        let b = Double(Float(beta))
        return ChargePartials(membrane: reset == .zero ? b * Double(1 - pending(Float(v))) : b, input: 1)
    }

    public func step(input x: Double, membrane v: Double) -> (spike: Bool, charge: Double, membrane: Double) {
        let state = Float(v)
        let r = pending(state)
        let h = charge(state, Float(x), r)
        let spiked = fires(h)
        guard !resetDelay else { return (spiked, Double(h), Double(h)) }
        let correction = (spiked ? 1 : 0) - r
        switch reset {
        case .subtract: return (spiked, Double(h), Double(h - correction * Float(threshold)))
        case .zero: return (spiked, Double(h), Double(h - correction * h))
        case .none: return (spiked, Double(h), Double(h))
        }
    }

    public func membraneDerivative(charge h: Double, spiked: Bool, slope: Double) -> Double {
        guard !resetDelay else { return 1 }
        switch reset {
        case .subtract: return 1 - threshold * slope
        case .zero: return (spiked ? 0 : 1) - h * slope
        case .none: return 1
        }
    }

    public func withThreshold(_ threshold: Double) throws -> Leaky {
        try Leaky(beta: beta, threshold: threshold, reset: reset, resetDelay: resetDelay, firing: firing, surrogate: surrogate)
    }

    public var builtinName: String { "leaky" }

    public var familyName: String { "Leaky" }

    public var settings: [NeuronSetting] {
        [
            NeuronSetting("beta", .number(beta)), NeuronSetting("threshold", .number(threshold)),
            NeuronSetting("reset", .text(reset.rawValue)), NeuronSetting("reset_delay", .flag(resetDelay)),
            NeuronSetting("fire", .text(firing.rawValue)), NeuronSetting("surrogate", .surrogate(surrogate))
        ]
    }
}
