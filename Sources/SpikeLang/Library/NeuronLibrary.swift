import SpikeEngine

/// Neurons and surrogates: `lif`, `leaky`, `if_neuron`, `plif`, `atan`, `sigmoid`, `fast_sigmoid`,
/// `triangle`, `rect`, `simulate`, `first_spike` (docs/language.md §7; defaults from
/// docs/science.md §1).
enum NeuronLibrary {
    static func builtins() -> [Builtin] {
        surrogates() + [lif(), leaky(), integrateAndFire(), parametricLIF(), simulate(), firstSpike()]
    }

    private static func lif() -> Builtin {
        Builtin(
            "lif", topic: .neurons,
            summary:
                "A leaky integrate-and-fire neuron resetting in the step it fires; give tau (SpikingJelly's LIFNode: decay-input, hard reset) or beta (Spike's beta form: reset=\"subtract\", decay_input=false by default; snnTorch's Leaky is leaky())."
        ) { p in
            let tau = p.declare("tau", .number, default: 2, doc: "membrane time constant in steps (at least 1); the leak is 1 − 1/tau")
            let threshold = thresholdParameter(p)
            let reset = resetParameter(p, to: "hard reset", none: false)
            let fire = p.declare(
                "fire", .orNone(.choice(FiringRule.self)),
                doc: "the spike test, \">=\" or \">\" (none: \">=\" with reset=\"zero\", \">\" with \"subtract\")")
            let decayInput = decayInputParameter(p)
            let detachReset = detachResetParameter(p)
            let surrogate = surrogateParameter(p)
            let beta = p.declare(
                "beta", .orNone(.number), doc: "the decay per step directly (the beta form: H = beta·V + X), instead of tau")
            return { arguments, _ in
                let rule = try arguments[reset]
                let firing = try arguments[fire]
                let surrogate = try arguments[surrogate]
                let threshold = try arguments[threshold]
                let detachReset = try arguments[detachReset]
                guard let leak = try arguments[beta] else {
                    return .neuron(
                        try arguments.engine {
                            try LIF(
                                tau: try arguments[tau], threshold: threshold, reset: rule, firing: firing,
                                decayInput: try arguments[decayInput], detachReset: detachReset, surrogate: surrogate)
                        })
                }
                if arguments.isGiven(tau) {
                    throw arguments.invalid(beta, "cannot be given together with tau (they are two ways to set the same decay)")
                }
                let betaReset = arguments.isGiven(reset) ? rule : .subtract
                let decay = arguments.isGiven(decayInput) ? try arguments[decayInput] : false
                return .neuron(
                    try arguments.engine {
                        try LIF(
                            beta: leak, threshold: threshold, reset: betaReset, firing: firing, decayInput: decay,
                            detachReset: detachReset, surrogate: surrogate)
                    })
            }
        }
    }

    private static func leaky() -> Builtin {
        Builtin(
            "leaky", topic: .neurons,
            summary:
                "snnTorch 1.0's Leaky exactly (Float32): v = beta·v + x − r·threshold, where the reset r comes from the previous step's membrane (reset_delay), spike when v > threshold."
        ) { p in
            let beta = p.declare("beta", .number, doc: "the membrane decay per step, in [0, 1]")
            let threshold = thresholdParameter(p)
            let reset = p.declare(
                "reset", .choice(ResetRule.self), default: .subtract,
                doc: "snnTorch's reset_mechanism: \"subtract\" the threshold, \"zero\" the membrane, or \"none\"")
            let resetDelay = p.declare(
                "reset_delay", .boolean, default: true,
                doc: "reset at the next step from the previous membrane (snnTorch's default); false resets in the step that fires")
            let fire = p.declare("fire", .choice(FiringRule.self), default: .above, doc: "the spike test: \">\" (snnTorch's) or \">=\"")
            let surrogate = surrogateParameter(p)
            return { arguments, _ in
                let (decay, level, rule) = (try arguments[beta], try arguments[threshold], try arguments[reset])
                let (delay, firing, gradient) = (try arguments[resetDelay], try arguments[fire], try arguments[surrogate])
                return .neuron(
                    try arguments.engine {
                        try Leaky(beta: decay, threshold: level, reset: rule, resetDelay: delay, firing: firing, surrogate: gradient)
                    })
            }
        }
    }

    private static func integrateAndFire() -> Builtin {
        Builtin(
            "if_neuron", topic: .neurons,
            summary:
                "An integrate-and-fire neuron (no leak): v += x, spike when v >= threshold, then v = v_reset (reset=\"zero\"), v -= threshold (\"subtract\") or nothing (\"none\")."
        ) { p in
            let threshold = thresholdParameter(p)
            let reset = resetParameter(p, to: "back to v_reset", none: true)
            let fire = fireParameter(p)
            let resetPotential = resetPotentialParameter(p)
            let detachReset = detachResetParameter(p)
            let surrogate = surrogateParameter(p)
            return { arguments, _ in
                let (rule, level, potential) = (try arguments[reset], try arguments[threshold], try arguments[resetPotential])
                let (firing, detach, gradient) = (try arguments[fire], try arguments[detachReset], try arguments[surrogate])
                return .neuron(
                    try arguments.engine {
                        try IntegrateAndFire(
                            threshold: level, reset: rule, resetPotential: potential, firing: firing, detachReset: detach,
                            surrogate: gradient)
                    })
            }
        }
    }

    private static func parametricLIF() -> Builtin {
        Builtin(
            "plif", topic: .neurons,
            summary:
                "A parametric LIF neuron (Fang et al. 2021): a LIF whose time constant, 1/tau = sigmoid(w), trains with the weights; tau is its start (> 1)."
        ) { p in
            let tau = p.declare("tau", .number, default: 2, doc: "the starting membrane time constant in steps (more than 1); it trains")
            let threshold = thresholdParameter(p)
            let reset = resetParameter(p, to: "back to v_reset", none: true)
            let fire = fireParameter(p)
            let resetPotential = resetPotentialParameter(p)
            let decayInput = decayInputParameter(p)
            let detachReset = detachResetParameter(p)
            let surrogate = surrogateParameter(p)
            return { arguments, _ in
                let (start, level, rule, potential) = (
                    try arguments[tau], try arguments[threshold], try arguments[reset], try arguments[resetPotential]
                )
                let (decay, detach, gradient) = (try arguments[decayInput], try arguments[detachReset], try arguments[surrogate])
                let firing = try arguments[fire]
                return .neuron(
                    try arguments.engine {
                        try ParametricLIF(
                            initialTau: start, threshold: level, reset: rule, resetPotential: potential, decayInput: decay,
                            firing: firing, detachReset: detach, surrogate: gradient)
                    })
            }
        }
    }

    // The parameters the neuron families share, each declared once here (in signature order
    // at each family's call site).

    private static func thresholdParameter(_ p: Declarations) -> Param<Double> {
        p.declare("threshold", .number, default: 1, doc: "the membrane potential at which the neuron spikes")
    }

    /// `reset`; `hard` says where "zero" takes the membrane, `none` whether "none" is offered.
    private static func resetParameter(_ p: Declarations, to hard: String, none: Bool) -> Param<ResetRule> {
        let last = none ? ", \"subtract\" the threshold or \"none\"" : " or \"subtract\" the threshold"
        let kind: ArgumentKind<ResetRule> = none ? .choice(ResetRule.self) : .choice(among: [.zero, .subtract])
        return p.declare("reset", kind, default: .zero, doc: "after a spike: \"zero\" (\(hard))\(last)")
    }

    /// `fire` for the families that default to SpikingJelly's `>=`.
    private static func fireParameter(_ p: Declarations) -> Param<FiringRule> {
        p.declare("fire", .choice(FiringRule.self), default: .atOrAbove, doc: "the spike test: \">=\" (v >= threshold) or \">\"")
    }

    private static func resetPotentialParameter(_ p: Declarations) -> Param<Double> {
        p.declare("v_reset", .number, default: 0, doc: "the potential a hard reset returns to (below the threshold)")
    }

    private static func decayInputParameter(_ p: Declarations) -> Param<Bool> {
        p.declare("decay_input", .boolean, default: true, doc: "scale the input by 1/tau too (SpikingJelly's decay_input)")
    }

    private static func detachResetParameter(_ p: Declarations) -> Param<Bool> {
        p.declare("detach_reset", .boolean, default: true, doc: "no gradient through the reset")
    }

    private static func surrogateParameter(_ p: Declarations) -> Param<Surrogate> {
        p.declare(
            "surrogate", .surrogate, default: .standard, shown: "atan()", doc: "the spike's gradient in training, e.g. sigmoid(alpha=4)")
    }

    private static func surrogates() -> [Builtin] {
        let kinds: [(String, String, Double, String, String, (Double) -> Surrogate)] = [
            (
                "atan", "alpha", 2, "the sharpness: larger is closer to a step",
                "Arctangent surrogate: g'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)); the reference default.", { .atan(alpha: $0) }
            ),
            (
                "sigmoid", "alpha", 4, "the sharpness: larger is closer to a step",
                "Sigmoid surrogate: g'(x) = alpha s(alpha x) (1 - s(alpha x)).", { .sigmoid(alpha: $0) }
            ),
            (
                "fast_sigmoid", "slope", 25, "the sharpness: larger is closer to a step",
                "Fast-sigmoid surrogate: g'(x) = 1 / (1 + slope |x|)^2.", { .fastSigmoid(slope: $0) }
            ),
            (
                "triangle", "width", 1, "the base of the triangle around the threshold",
                "Triangle surrogate: g'(x) = max(0, 1 - |x| / width) / width.", { .triangle(width: $0) }
            ),
            (
                "rect", "width", 1, "the width of the window around the threshold",
                "Rectangle surrogate: g'(x) = 1 / width where |x| < width / 2.", { .rectangle(width: $0) }
            )
        ]
        return kinds.map { name, parameter, defaultValue, doc, summary, make in
            Builtin(name, topic: .neurons, summary: summary) { p in
                let value = p.declare(parameter, .number, default: defaultValue, doc: doc + " (finite, positive)")
                return { arguments, _ in
                    let surrogate = make(try arguments[value])
                    try arguments.engine { try surrogate.validate() }
                    return .surrogate(surrogate)
                }
            }
        }
    }

    private static func simulate() -> Builtin {
        Builtin(
            "simulate", topic: .neurons,
            summary: "Runs a neuron from rest on a constant input (or one value per step from a list); shows membrane and spikes."
        ) { p in
            let neuron = p.declare("neuron", .neuron, doc: "the neuron to run, e.g. lif(tau=4)")
            let input = p.declare("input", .any, default: .number(1.2), doc: "a constant input current, or a list of one value per step")
            let steps = p.declare("steps", .integer, default: 20, doc: "how many steps (for a list: its length)")
            return { arguments, evaluator in
                let neuron = try arguments[neuron]
                switch try arguments[input] {
                case .number(let current):
                    guard current.isFinite else {
                        throw arguments.invalid(input, "must be a finite number, got \(ValueText.number(current))")
                    }
                    let steps = try arguments[steps]
                    return .trace(
                        try arguments.engine {
                            try neuron.simulate(
                                current: current, steps: steps, budget: evaluator.settings.budget,
                                isCancelled: evaluator.cancellation)
                        })
                case .list(let items):
                    let values = try items.map { item -> Double in
                        guard case .number(let number) = item else {
                            throw Diagnostic(
                                .elementType(context: "'input'", expected: "numbers", got: item.typeName), at: arguments.range(of: input))
                        }
                        return number
                    }
                    if let bad = values.firstIndex(where: { !$0.isFinite }) {
                        throw arguments.invalid(
                            input, "must hold finite numbers; value \(bad + 1) of \(values.count) is \(ValueText.number(values[bad]))")
                    }
                    if arguments.isGiven(steps), try arguments[steps] != values.count {
                        throw arguments.invalid(steps, "must match the \(values.count) values of 'input' (or be left out)")
                    }
                    return .trace(try arguments.engine { try neuron.simulate(input: values, isCancelled: evaluator.cancellation) })
                default:
                    throw arguments.mismatch(input, expected: "a number or a list of numbers")
                }
            }
        }
    }

    private static func firstSpike() -> Builtin {
        Builtin(
            "first_spike", topic: .neurons,
            summary:
                "Lemma 1: the step of the first spike under a constant current, from the closed form decided exactly (none if it never fires); simulate(...).first_spike is the rounded recurrence."
        ) { p in
            let neuron = p.declare("neuron", .neuron, doc: "the neuron, e.g. lif()")
            let current = p.declare("current", .number, default: 1.2, doc: "the constant input current")
            return { arguments, _ in
                let neuron = try arguments[neuron]
                let current = try arguments[current]
                let step = try arguments.engine { try neuron.firstSpike(current: current) }
                return step.map { .number(Double($0)) } ?? Value.none
            }
        }
    }
}
