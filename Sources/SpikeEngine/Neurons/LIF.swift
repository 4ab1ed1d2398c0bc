/// A leaky integrate-and-fire neuron's parameters; the neuron itself is the pure `step` (`Neuron`).
///
/// Per time step t = 1, 2, …, with V[0] = 0 at the start of every run:
///
///     charge   H[t] = V[t-1] + (X[t] - V[t-1]) / tau     (decayInput: SpikingJelly's LIFNode)
///              H[t] = beta · V[t-1] + X[t]                (the beta form: no input scaling)
///     fire     S[t] = H[t] >= V_th  (firing .atOrAbove)   or   H[t] > V_th  (firing .above)
///     reset    V[t] = H[t] · (1 - S[t])   (reset .zero, hard reset to 0)
///              V[t] = H[t] - S[t] · V_th  (reset .subtract, soft reset)
///
/// with beta = 1 − 1/tau. The reset acts in the step that fires. The tau form with its defaults
/// is SpikingJelly's `LIFNode` exactly; the beta form is Spike's own convention, *not* snnTorch's
/// default `Leaky`, which subtracts the threshold one step later (`Leaky`, docs/science.md §1):
///
///     try LIF(tau: 2)                                    // decay-input, hard reset, `>=`
///     try LIF(beta: 0.99)                                // beta form: subtract reset, strict `>`
///     try LIF(beta: 1)                                   // integrate-and-fire (no leak)
///
/// The spike test defaults from the reset rule (`.zero` → `>=`, `.subtract` → `>`) and can be
/// chosen on its own (`firing:`). There is no `.none` reset (the fused kernels always reset).
/// `detachReset` (default true) stops the gradient through the reset term; `surrogate` is the
/// derivative used for the spike backward.
public struct LIF: Neuron, Equatable {
    /// The membrane decay per step, in [0, 1]; 1 is an integrate-and-fire neuron.
    public let beta: Double
    /// The input scale of the decay-input form, 1 − beta (exactly 1/tau when built from tau).
    public let leak: Double
    /// The firing threshold V_th (positive, finite).
    public let threshold: Double
    public let reset: ResetRule
    public let firing: FiringRule
    /// Whether the input is scaled by 1/tau (H = V + (X − V)/tau) or added whole (H = beta·V + X).
    public let decayInput: Bool
    /// Whether the reset term carries no gradient.
    public let detachReset: Bool
    public let surrogate: Surrogate

    /// The membrane time constant tau = 1 / (1 − beta) in steps (infinite for beta = 1).
    public var tau: Double { 1 / leak }

    /// A neuron given by its time constant tau (>= 1 step); defaults are SeqSNN's SpikingJelly
    /// LIFNode: tau 2, threshold 1, hard reset, decay-input, detached reset, atan(2).
    public init(
        tau: Double = 2, threshold: Double = 1, reset: ResetRule = .zero, firing: FiringRule? = nil,
        decayInput: Bool = true, detachReset: Bool = true, surrogate: Surrogate = .standard
    ) throws {
        guard tau.isFinite, tau >= 1 else {
            throw EngineError.value(argument: .tau, message: "must be a finite number of at least 1 step, got \(tau)")
        }
        try self.init(
            beta: 1 - 1 / tau, leak: 1 / tau, threshold: threshold, reset: reset, firing: firing,
            decayInput: decayInput, detachReset: detachReset, surrogate: surrogate)
    }

    /// A neuron given by its decay beta in [0, 1] (the beta form); defaults: threshold 1,
    /// subtract reset in the same step, `>`, no input scaling, detached reset, atan(2) — the
    /// parameters of SeqSNN's snnTorch `Leaky`, not its delayed reset (for that, `Leaky`).
    public init(
        beta: Double, threshold: Double = 1, reset: ResetRule = .subtract, firing: FiringRule? = nil,
        decayInput: Bool = false, detachReset: Bool = true, surrogate: Surrogate = .standard
    ) throws {
        guard beta.isFinite, beta >= 0, beta <= 1 else {
            throw EngineError.value(argument: .beta, message: "must lie in [0, 1], got \(beta)")
        }
        try self.init(
            beta: beta, leak: 1 - beta, threshold: threshold, reset: reset, firing: firing,
            decayInput: decayInput, detachReset: detachReset, surrogate: surrogate)
    }

    private init(
        beta: Double, leak: Double, threshold: Double, reset: ResetRule, firing: FiringRule?,
        decayInput: Bool, detachReset: Bool, surrogate: Surrogate
    ) throws {
        guard threshold.isFinite, threshold > 0 else {
            throw EngineError.value(argument: .threshold, message: "must be a finite positive number, got \(threshold)")
        }
        if reset == .none {
            throw EngineError.value(
                argument: .neuron, message: "lif() always resets: reset must be \"zero\" or \"subtract\" (leaky() offers \"none\")")
        }
        if decayInput, leak == 0 {
            throw EngineError.value(
                argument: .decayInput, message: "needs a leak (beta < 1): with beta = 1 the input would be scaled by 0")
        }
        try surrogate.validate()
        self.beta = beta
        self.leak = leak
        self.threshold = threshold
        self.reset = reset
        self.firing = firing ?? FiringRule.standard(for: reset)
        self.decayInput = decayInput
        self.detachReset = detachReset
        self.surrogate = surrogate
    }

    /// The same neuron with another threshold (e.g. 0.5 for the attention-output neuron).
    public func withThreshold(_ threshold: Double) throws -> LIF {
        try LIF(
            beta: beta, leak: leak, threshold: threshold, reset: reset, firing: firing,
            decayInput: decayInput, detachReset: detachReset, surrogate: surrogate)
    }
}

/// How the language names and shows a LIF (`lif(tau=2, …)` or `lif(beta=0.9, …)`).
extension LIF {
    public var builtinName: String { "lif" }

    public var equivalentLIF: LIF? { self }

    public var familyName: String { "LIF" }

    public var settings: [NeuronSetting] {
        let head = decayInput ? NeuronSetting("tau", .number(tau)) : NeuronSetting("beta", .number(beta))
        return [head] + common
    }

    public var members: [NeuronSetting] {
        [NeuronSetting("tau", .number(tau)), NeuronSetting("beta", .number(beta))] + common
    }

    private var common: [NeuronSetting] {
        [
            NeuronSetting("threshold", .number(threshold)), NeuronSetting("reset", .text(reset.rawValue)),
            NeuronSetting("fire", .text(firing.rawValue)), NeuronSetting("decay_input", .flag(decayInput)),
            NeuronSetting("detach_reset", .flag(detachReset)),
            NeuronSetting("surrogate", .surrogate(surrogate))
        ]
    }
}
