/// A spiking neuron family: its parameters, and the pure step they define.
///
/// Every neuron here runs the same three-part step per time step t = 1, 2, …, from the resting
/// membrane V[0] (`restingMembrane`) at the start of every run; only the charge differs
/// (except snnTorch's `Leaky`, which restates `step` and `membraneDerivative`: its delayed
/// reset lives in the charge):
///
///     charge   H[t] = f(V[t-1], X[t])                    (the family's own `charge`)
///     fire     S[t] = H[t] >= V_th  (.atOrAbove)   or   H[t] > V_th  (.above)
///     reset    V[t] = H[t]·(1 − S[t]) + V_reset·S[t]     (reset .zero: a hard reset to V_reset)
///              V[t] = H[t] − S[t]·V_th                   (reset .subtract: a soft reset)
///              V[t] = H[t]                               (reset .none)
///
/// Backward, S's derivative is the surrogate g'(H − V_th); with `detachReset` the reset term
/// carries no gradient. The generic autograd path (`Tape.spiking`) needs only `charge` and
/// `chargePartials`; a family with trainable parameters lists them in `parameters` (a neuron
/// is a `Layer`) and gives ∂H/∂θ for each, in the same order. A family with a fused kernel
/// overrides `forward(_:in:)` (see `LIF`). docs/science.md §1 gives the equations and sources.
///
///     let neurons: [any Neuron] = [try LIF(tau: 2), try IntegrateAndFire(), try ParametricLIF(initialTau: 2)]
///     neurons.map { $0.simulate(input: [0.6, 0.6]).spikes }   // [[false, false], [false, true], [false, false]]
public protocol Neuron: Layer {
    /// The firing threshold V_th (positive, finite).
    var threshold: Double { get }
    /// How the membrane is reset after a spike.
    var reset: ResetRule { get }
    /// The spike test comparing H with V_th.
    var firing: FiringRule { get }
    /// V_reset: where a hard reset (`.zero`) puts the membrane (0 for LIF); unused by `.subtract`.
    var resetPotential: Double { get }
    /// V[0], the membrane at the start of every run.
    var restingMembrane: Double { get }
    /// Whether the reset term carries no gradient.
    var detachReset: Bool { get }
    /// The derivative standing in for the Heaviside step's in the backward pass.
    var surrogate: Surrogate { get }

    /// The charge H[t] from the previous membrane V[t-1] and the input X[t].
    func charge(membrane v: Double, input x: Double) -> Double
    /// ∂H/∂V[t-1], ∂H/∂X[t] and ∂H/∂θ for each scalar of `parameters`, at (V[t-1], X[t]).
    func chargePartials(membrane v: Double, input x: Double) -> ChargePartials
    /// One time step: the spike, the charge H[t] and the new membrane V[t].
    func step(input x: Double, membrane v: Double) -> (spike: Bool, charge: Double, membrane: Double)
    /// dV[t]/dH[t] through the reset, given the surrogate derivative `slope` = g'(H − V_th).
    func membraneDerivative(charge h: Double, spiked: Bool, slope: Double) -> Double
    /// The same neuron with another threshold (e.g. 0.5 for the attention-output neuron).
    func withThreshold(_ threshold: Double) throws -> Self
    /// The LIF with exactly these dynamics, if there is one (a LIF itself; an IF neuron that
    /// starts at 0 is a LIF with beta = 1): layers then run the fused LIF kernels for it.
    var equivalentLIF: LIF? { get }

    /// The trace of this neuron driven by `input`, polling `isCancelled` between chunks of steps.
    func simulate(input: [Double], isCancelled: CancellationCheck?) throws -> Trace
    /// The trace under a constant `current` for `steps` steps (memory budget checked first).
    func simulate(current: Double, steps: Int, budget: MemoryBudget, isCancelled: CancellationCheck?) throws -> Trace
    /// The step (1-based) of the first spike under a constant `current`, or `nil` when it never
    /// fires, from a closed form; families without one throw `.value(argument: .neuron, …)`.
    func firstSpike(current: Double) throws -> Int?

    /// The builtin that makes this neuron in the language (`lif`, `if_neuron`, `plif`).
    var builtinName: String { get }
    /// The family's short name for titles and tables ("LIF", "IF", "PLIF").
    var familyName: String { get }
    /// The arguments that rebuild this neuron, in the builtin's order (for display).
    var settings: [NeuronSetting] { get }
    /// Everything readable as `neuron.name` (the settings and derived values such as LIF's beta).
    var members: [NeuronSetting] { get }
    /// Whether `other` is the same family with the same parameters.
    func isEqual(to other: any Neuron) -> Bool
}

/// The partial derivatives of a neuron's charge H = f(V, X; θ) at one step.
public struct ChargePartials: Equatable, Sendable {
    /// ∂H/∂V[t-1].
    public var membrane: Double
    /// ∂H/∂X[t].
    public var input: Double
    /// ∂H/∂θ for each trainable scalar, in the order of the neuron's `parameters`.
    public var parameters: [Double]

    public init(membrane: Double, input: Double, parameters: [Double] = []) {
        self.membrane = membrane
        self.input = input
        self.parameters = parameters
    }
}

extension Neuron {
    public var resetPotential: Double { 0 }

    public var equivalentLIF: LIF? { nil }

    public var restingMembrane: Double { reset == .zero ? resetPotential : 0 }

    public var members: [NeuronSetting] { settings }

    /// Whether the charge `h` fires.
    @inline(__always)
    public func fires(_ h: Double) -> Bool {
        firing == .atOrAbove ? h >= threshold : h > threshold
    }

    /// The membrane after the reset rule, given the charge and whether it fired.
    @inline(__always)
    public func membraneAfterReset(charge h: Double, spiked: Bool) -> Double {
        guard spiked else { return h }
        switch reset {
        case .zero: return resetPotential
        case .subtract: return h - threshold
        case .none: return h
        }
    }

    /// dV[t]/dH[t] through the reset, given the surrogate derivative `slope` = g'(H − V_th):
    /// 1 − S (hard) or 1 (subtract), plus (V_reset − H)·g' or −V_th·g' when not detached; 1
    /// without a reset.
    @inline(__always)
    public func membraneDerivative(charge h: Double, spiked: Bool, slope: Double) -> Double {
        let s = spiked ? 1.0 : 0.0
        switch reset {
        case .zero: return (1 - s) + (detachReset ? 0 : (resetPotential - h) * slope)
        case .subtract: return 1 - (detachReset ? 0 : threshold * slope)
        case .none: return 1
        }
    }

    public func step(input x: Double, membrane v: Double) -> (spike: Bool, charge: Double, membrane: Double) {
        let h = charge(membrane: v, input: x)
        let spiked = fires(h)
        return (spiked, h, membraneAfterReset(charge: h, spiked: spiked))
    }

    public func firstSpike(current: Double) throws -> Int? {
        throw EngineError.value(argument: .neuron, message: "\(builtinName)() has no closed form for the first spike: simulate it")
    }

    /// A neuron of the same family is equal when its value is.
    public func isEqual(to other: any Neuron) -> Bool where Self: Equatable {
        (other as? Self) == self
    }
}
