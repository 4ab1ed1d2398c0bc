import SpikeEngine

/// Neurons and surrogates: `lif`, `if_neuron`, `plif`, `atan`, `sigmoid`, `fast_sigmoid`,
/// `triangle`, `rect`, `simulate`, `first_spike` (docs/language.md §7; defaults from
/// docs/science.md §1).
enum NeuronLibrary {
    static func builtins() -> [Builtin] {
        surrogates() + [lif(), integrateAndFire(), parametricLIF(), simulate(), firstSpike()]
    }

    private static func lif() -> Builtin {
        Builtin(Signature("lif", [
            optional("tau", .number(2)), optional("threshold", .number(1)), optional("reset", .string("zero")),
            optional("decay_input", .boolean(true)), optional("detach_reset", .boolean(true)),
            optional("surrogate", .surrogate(.standard), shown: "atan()"), optional("beta", .none),
        ]), topic: .neurons,
        summary: "A leaky integrate-and-fire neuron; give tau (decay-input, hard reset) or beta (then reset=\"subtract\", decay_input=false by default).") { arguments, _ in
            let reset = try arguments.choice("reset", among: ResetRule.allCases.map(\.rawValue))
            let surrogate = try surrogateArgument(arguments)
            let threshold = try arguments.number("threshold")
            let detachReset = try arguments.boolean("detach_reset")
            if case .none = arguments.value("beta") {
                return .neuron(try arguments.engine {
                    try LIF(tau: try arguments.number("tau"), threshold: threshold, reset: ResetRule(rawValue: reset) ?? .zero,
                            decayInput: try arguments.boolean("decay_input"), detachReset: detachReset, surrogate: surrogate)
                })
            }
            if arguments.isGiven("tau") {
                throw arguments.invalid("beta", "cannot be given together with tau (they are two ways to set the same decay)")
            }
            let betaReset = arguments.isGiven("reset") ? reset : ResetRule.subtract.rawValue
            let decayInput = arguments.isGiven("decay_input") ? try arguments.boolean("decay_input") : false
            return .neuron(try arguments.engine {
                try LIF(beta: try arguments.number("beta"), threshold: threshold, reset: ResetRule(rawValue: betaReset) ?? .subtract,
                        decayInput: decayInput, detachReset: detachReset, surrogate: surrogate)
            })
        }
    }

    private static func integrateAndFire() -> Builtin {
        Builtin(Signature("if_neuron", [
            optional("threshold", .number(1)), optional("reset", .string("zero")), optional("v_reset", .number(0)),
            optional("detach_reset", .boolean(true)), optional("surrogate", .surrogate(.standard), shown: "atan()"),
        ]), topic: .neurons,
        summary: "An integrate-and-fire neuron (no leak): v += x, spike when v >= threshold, then v = v_reset (reset=\"zero\") or v -= threshold (\"subtract\").") { arguments, _ in
            let reset = try arguments.choice("reset", among: ResetRule.allCases.map(\.rawValue))
            let surrogate = try surrogateArgument(arguments)
            let (threshold, resetPotential) = (try arguments.number("threshold"), try arguments.number("v_reset"))
            let detachReset = try arguments.boolean("detach_reset")
            return .neuron(try arguments.engine {
                try IntegrateAndFire(threshold: threshold, reset: ResetRule(rawValue: reset) ?? .zero, resetPotential: resetPotential,
                                     detachReset: detachReset, surrogate: surrogate)
            })
        }
    }

    private static func parametricLIF() -> Builtin {
        Builtin(Signature("plif", [
            optional("tau", .number(2)), optional("threshold", .number(1)), optional("reset", .string("zero")),
            optional("v_reset", .number(0)), optional("decay_input", .boolean(true)), optional("detach_reset", .boolean(true)),
            optional("surrogate", .surrogate(.standard), shown: "atan()"),
        ]), topic: .neurons,
        summary: "A parametric LIF neuron (Fang et al. 2021): a LIF whose time constant, 1/tau = sigmoid(w), trains with the weights; tau is its start (> 1).") { arguments, _ in
            let reset = try arguments.choice("reset", among: ResetRule.allCases.map(\.rawValue))
            let surrogate = try surrogateArgument(arguments)
            let (tau, threshold, resetPotential) = (try arguments.number("tau"), try arguments.number("threshold"), try arguments.number("v_reset"))
            let (decayInput, detachReset) = (try arguments.boolean("decay_input"), try arguments.boolean("detach_reset"))
            return .neuron(try arguments.engine {
                try ParametricLIF(initialTau: tau, threshold: threshold, reset: ResetRule(rawValue: reset) ?? .zero,
                                  resetPotential: resetPotential, decayInput: decayInput, detachReset: detachReset, surrogate: surrogate)
            })
        }
    }

    private static func surrogateArgument(_ arguments: Arguments) throws -> Surrogate {
        guard case .surrogate(let surrogate) = arguments.value("surrogate") else {
            throw arguments.mismatch("surrogate", expected: "a surrogate such as atan()")
        }
        return surrogate
    }

    private static func surrogates() -> [Builtin] {
        let kinds: [(String, String, Double, String, (Double) -> Surrogate)] = [
            ("atan", "alpha", 2, "Arctangent surrogate: g'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)); the reference default.", { .atan(alpha: $0) }),
            ("sigmoid", "alpha", 4, "Sigmoid surrogate: g'(x) = alpha s(alpha x) (1 - s(alpha x)).", { .sigmoid(alpha: $0) }),
            ("fast_sigmoid", "slope", 25, "Fast-sigmoid surrogate: g'(x) = 1 / (1 + slope |x|)^2.", { .fastSigmoid(slope: $0) }),
            ("triangle", "width", 1, "Triangle surrogate: g'(x) = max(0, 1 - |x| / width) / width.", { .triangle(width: $0) }),
            ("rect", "width", 1, "Rectangle surrogate: g'(x) = 1 / width where |x| < width / 2.", { .rectangle(width: $0) }),
        ]
        return kinds.map { name, parameter, defaultValue, summary, make in
            Builtin(Signature(name, [optional(parameter, .number(defaultValue))]), topic: .neurons, summary: summary) { arguments, _ in
                let surrogate = make(try arguments.number(parameter))
                try arguments.engine { try surrogate.validate() }
                return .surrogate(surrogate)
            }
        }
    }

    private static func simulate() -> Builtin {
        Builtin(Signature("simulate", [required("neuron"), optional("input", .number(1.2)), optional("steps", .number(20))]),
                topic: .neurons,
                summary: "Runs a neuron from rest on a constant input (or one value per step from a list); shows membrane and spikes.") { arguments, evaluator in
            let neuron = try neuronArgument(arguments)
            switch arguments.value("input") {
            case .number(let current):
                let steps = try arguments.integer("steps")
                return .trace(try arguments.engine { try neuron.simulate(current: current, steps: steps, budget: evaluator.settings.budget,
                                                                                   isCancelled: evaluator.cancellation) })
            case .list(let items):
                let input = try items.map { item -> Double in
                    guard case .number(let number) = item else {
                        throw Diagnostic(.elementType(context: "'input'", expected: "numbers", got: item.typeName), at: arguments.range(of: "input"))
                    }
                    return number
                }
                if arguments.isGiven("steps"), try arguments.integer("steps") != input.count {
                    throw arguments.invalid("steps", "must match the \(input.count) values of 'input' (or be left out)")
                }
                return .trace(try arguments.engine { try neuron.simulate(input: input, isCancelled: evaluator.cancellation) })
            default:
                throw arguments.mismatch("input", expected: "a number or a list of numbers")
            }
        }
    }

    private static func firstSpike() -> Builtin {
        Builtin(Signature("first_spike", [required("neuron"), optional("current", .number(1.2))]), topic: .neurons,
                summary: "Lemma 1: the step of the first spike under a constant current, from the closed form (none if it never fires); lif, if_neuron and plif have one.") { arguments, _ in
            let neuron = try neuronArgument(arguments)
            let current = try arguments.number("current")
            let step = try arguments.engine { try neuron.firstSpike(current: current) }
            return step.map { .number(Double($0)) } ?? Value.none
        }
    }

    static func neuronArgument(_ arguments: Arguments) throws -> any Neuron {
        guard case .neuron(let neuron) = arguments.value("neuron") else {
            throw arguments.mismatch("neuron", expected: "a neuron such as lif()")
        }
        return neuron
    }
}
