import SpikeEngine

/// The members a value offers after `.`: record fields, and the named parts of library
/// values. Used by evaluation and by completion, so both always agree.
struct Members {
    var names: [String]
    var value: (String) -> Value?

    init(names: [String], value: @escaping (String) -> Value?) {
        self.names = names
        self.value = value
    }

    /// Members given as an ordered list of (name, value) pairs, computed on demand.
    init(_ pairs: @escaping () -> [(String, Value)], names: [String]) {
        self.names = names
        self.value = { name in pairs().first { $0.0 == name }?.1 }
    }

    static func of(_ base: Value) -> Members {
        switch base {
        case .record(let record):
            return Members(names: record.names) { record[$0] }
        case .trace(let trace):
            return Members({ traceMembers(trace) }, names: ["membrane", "charge", "spikes", "threshold", "steps",
                                                            "spike_steps", "first_spike", "firing_rate"])
        case .tensor(let tensor):
            return Members({ [("shape", .list(tensor.shape.map { .number(Double($0)) })), ("rank", .number(Double(tensor.rank)))] },
                           names: ["shape", "rank"])
        case .neuron(let neuron):
            return Members({ neuronMembers(neuron) }, names: ["tau", "beta", "threshold", "reset", "decay_input", "detach_reset", "surrogate"])
        case .surrogate(let surrogate):
            let (name, value) = surrogate.parameter
            return Members({ [("name", .string(EngineText.surrogateName(surrogate))), (name, .number(value))] }, names: ["name", name])
        case .encoding(let encoding):
            let pairs = encodingMembers(encoding)
            return Members({ pairs }, names: pairs.map(\.0))
        case .data(let data):
            return Members({ data.members }, names: data.memberNames)
        default:
            return Members(names: []) { _ in nil }
        }
    }

    private static func traceMembers(_ trace: Trace) -> [(String, Value)] {
        [
            ("membrane", .list(trace.membrane.map { .number($0) })),
            ("charge", .list(trace.charge.map { .number($0) })),
            ("spikes", .list(trace.spikes.map { .number($0 ? 1 : 0) })),
            ("threshold", .number(trace.threshold)),
            ("steps", .number(Double(trace.steps))),
            ("spike_steps", .list(trace.spikeSteps.map { .number(Double($0)) })),
            ("first_spike", trace.firstSpike.map { .number(Double($0)) } ?? .none),
            ("firing_rate", .number(trace.firingRate)),
        ]
    }

    private static func neuronMembers(_ neuron: LIF) -> [(String, Value)] {
        [
            ("tau", .number(neuron.tau)),
            ("beta", .number(neuron.beta)),
            ("threshold", .number(neuron.threshold)),
            ("reset", .string(neuron.reset.rawValue)),
            ("decay_input", .boolean(neuron.decayInput)),
            ("detach_reset", .boolean(neuron.detachReset)),
            ("surrogate", .surrogate(neuron.surrogate)),
        ]
    }

    private static func encodingMembers(_ encoding: PositionalEncoding) -> [(String, Value)] {
        var pairs: [(String, Value)] = [
            ("name", .string(encoding.name)),
            ("channels", encoding.fixedChannels.map { .number(Double($0)) } ?? .none),
        ]
        switch encoding {
        case let .cpg(count, tau, threshold, index):
            pairs += [("pairs", .number(Double(count))), ("tau", .number(tau)), ("threshold", .number(threshold)),
                      ("index", .string(index.rawValue))]
        case let .sinusoidal(base):
            pairs.append(("base", .number(base)))
        case let .randomCode(_, seed):
            pairs.append(("seed", .number(Double(seed))))
        case .relative, .learnable, .none:
            break
        }
        return pairs
    }
}
