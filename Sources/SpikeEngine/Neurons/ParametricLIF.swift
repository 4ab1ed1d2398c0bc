import Foundation

/// The parametric LIF neuron (PLIF) of Fang et al. 2021, as SpikingJelly's
/// `ParametricLIFNode` (docs/science.md §1): a LIF whose time constant is learned.
///
/// The trainable scalar is w, with 1/tau = k = sigmoid(w), initialised to w = −ln(tau₀ − 1) so
/// that tau starts at tau₀. With V_r = V_reset for the hard reset and 0 for the soft one:
///
///     charge   H[t] = V[t-1] + (X[t] − (V[t-1] − V_r))·k     (decayInput, the default)
///              H[t] = V[t-1] − (V[t-1] − V_r)·k + X[t]        (decayInput false)
///     fire     S[t] = H[t] >= V_th
///     reset    as `IntegrateAndFire` (hard to V_reset, or subtract V_th)
///
/// and ∂H/∂w = (X − V + V_r)·k(1 − k) or −(V − V_r)·k(1 − k). As a layer the neuron's one
/// parameter is w (`parameters`, shape [1]), so an optimizer trains tau with the weights;
/// every PLIF layer of a model has its own w.
///
///     try ParametricLIF(initialTau: 2).tau      // 2 (w = 0)
public struct ParametricLIF: Neuron, Equatable {
    /// w, shape [1]: 1/tau = sigmoid(w).
    public private(set) var weight: Tensor
    /// k = 1/tau = sigmoid(w), kept in step with `weight`.
    public private(set) var leak: Double
    public let threshold: Double
    public let reset: ResetRule
    public let firing: FiringRule
    public let resetPotential: Double
    /// Whether the input is scaled by k (H = V + (X − (V − V_r))·k) or added whole.
    public let decayInput: Bool
    public let detachReset: Bool
    public let surrogate: Surrogate

    /// A PLIF neuron starting at time constant `initialTau` (> 1 step); defaults: tau₀ 2,
    /// threshold 1, hard reset to V_reset = 0, decay-input, `>=`, detached reset, atan(2).
    public init(
        initialTau: Double = 2, threshold: Double = 1, reset: ResetRule = .zero, resetPotential: Double = 0,
        decayInput: Bool = true, firing: FiringRule = .atOrAbove, detachReset: Bool = true, surrogate: Surrogate = .standard
    ) throws {
        guard initialTau.isFinite, initialTau > 1 else {
            throw EngineError.value(argument: .tau, message: "must be a finite number of more than 1 step, got \(initialTau)")
        }
        try Self.validate(threshold: threshold, resetPotential: resetPotential, surrogate: surrogate)
        weight = Tensor(unchecked: [1], scalars: [Float(-Foundation.log(initialTau - 1))])
        leak = 0
        self.threshold = threshold
        self.reset = reset
        self.firing = firing
        self.resetPotential = resetPotential
        self.decayInput = decayInput
        self.detachReset = detachReset
        self.surrogate = surrogate
        leak = Self.sigmoid(w)
    }

    /// The trainable scalar w.
    public var w: Double { Double(weight.scalars[0]) }

    /// The membrane time constant tau = 1/sigmoid(w) in steps.
    public var tau: Double { 1 / leak }

    public var parameters: [Tensor] {
        get { [weight] }
        set {
            weight = newValue[0]
            leak = Self.sigmoid(w)
        }
    }

    static func sigmoid(_ w: Double) -> Double {
        1 / (1 + Foundation.exp(-w))
    }

    /// V_r: the potential the leak pulls towards (V_reset for a hard reset, else 0).
    private var restPotential: Double { reset == .zero ? resetPotential : 0 }

    @inline(__always)
    public func charge(membrane v: Double, input x: Double) -> Double {
        decayInput ? v + (x - (v - restPotential)) * leak : v - (v - restPotential) * leak + x
    }

    public func chargePartials(membrane v: Double, input x: Double) -> ChargePartials {
        let slope = leak * (1 - leak)
        let dw = decayInput ? (x - v + restPotential) * slope : -(v - restPotential) * slope
        return ChargePartials(membrane: 1 - leak, input: decayInput ? leak : 1, parameters: [dw])
    }

    public func withThreshold(_ threshold: Double) throws -> ParametricLIF {
        var neuron = try ParametricLIF(
            initialTau: 2, threshold: threshold, reset: reset, resetPotential: resetPotential,
            decayInput: decayInput, firing: firing, detachReset: detachReset, surrogate: surrogate)
        neuron.parameters = parameters
        return neuron
    }

    /// Lemma 1 for the LIF with tau = 1/sigmoid(w), on the membrane above V[0] (`LIF.firstSpike`).
    public func firstSpike(current: Double) throws -> Int? {
        // The reset plays no part before the first spike (and LIF has no `.none`).
        let firstReset: ResetRule = reset == .none ? .subtract : reset
        let lif =
            decayInput
            ? try LIF(tau: tau, threshold: threshold - restingMembrane, reset: firstReset, firing: firing)
            : try LIF(beta: 1 - leak, threshold: threshold - restingMembrane, reset: firstReset, firing: firing)
        return try lif.firstSpike(current: current)
    }

    public var builtinName: String { "plif" }

    public var familyName: String { "PLIF" }

    /// tau is shown at w's precision (Float32), so `plif(tau=3)` reads back as 3.
    public var settings: [NeuronSetting] {
        [
            NeuronSetting("tau", .number(Double(Float(tau)))), NeuronSetting("threshold", .number(threshold)),
            NeuronSetting("reset", .text(reset.rawValue)), NeuronSetting("fire", .text(firing.rawValue)),
            NeuronSetting("v_reset", .number(resetPotential)),
            NeuronSetting("decay_input", .flag(decayInput)), NeuronSetting("detach_reset", .flag(detachReset)),
            NeuronSetting("surrogate", .surrogate(surrogate))
        ]
    }

    public var members: [NeuronSetting] {
        settings + [NeuronSetting("w", .number(w))]
    }
}
