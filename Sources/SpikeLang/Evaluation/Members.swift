import SpikeEngine

/// The members a value offers after `.`: record fields, and the named parts of library
/// values. Used by evaluation and by completion, so both always agree. A member's value is
/// computed only when asked for (a trace's `membrane` list is built on `t.membrane` only).
struct Members {
    var names: [String]
    var value: (String) -> Value?

    static func of(_ base: Value) -> Members {
        switch base {
        case .record(let record):
            return Members(names: record.names) { record[$0] }
        case .trace(let trace):
            return Members(names: [
                "membrane_before_reset", "membrane_after_reset", "spikes", "threshold", "steps", "spike_steps", "first_spike",
                "firing_rate", "membrane", "charge"
            ]) {
                member(of: trace, $0)
            }
        case .tensor(let tensor):
            return Members(names: ["shape", "rank"]) { name in
                switch name {
                case "shape": return .list(tensor.shape.map { .number(Double($0)) })
                case "rank": return .number(Double(tensor.rank))
                default: return nil
                }
            }
        case .neuron(let neuron):
            let members = neuron.members
            return Members(names: members.map(\.name)) { name in members.first { $0.name == name }.map { EngineText.value($0.value) } }
        case .surrogate(let surrogate):
            let (parameter, value) = surrogate.parameter
            return Members(names: ["name", parameter]) { name in
                name == "name" ? .string(EngineText.surrogateName(surrogate)) : (name == parameter ? .number(value) : nil)
            }
        case .encoding(let encoding):
            let pairs = encodingMembers(encoding)
            return Members(names: pairs.map(\.0)) { name in pairs.first { $0.0 == name }?.1 }
        case .data(let data):
            return Members(names: data.memberNames) { data.member($0) }
        case .model(let value):
            return Members(names: value.memberNames) { value.member($0) }
        default:
            return Members(names: []) { _ in nil }
        }
    }

    private static func member(of trace: Trace, _ name: String) -> Value? {
        switch name {
        // `membrane` and `charge` are the short names of the two potentials.
        case "membrane_after_reset", "membrane": return .list(trace.membrane.map { .number($0) })
        case "membrane_before_reset", "charge": return .list(trace.charge.map { .number($0) })
        case "spikes": return .list(trace.spikes.map { .number($0 ? 1 : 0) })
        case "threshold": return .number(trace.threshold)
        case "steps": return .number(Double(trace.steps))
        case "spike_steps": return .list(trace.spikeSteps.map { .number(Double($0)) })
        case "first_spike": return trace.firstSpike.map { .number(Double($0)) } ?? Value.none
        case "firing_rate": return .number(trace.firingRate)
        default: return nil
        }
    }

    /// An encoding's name, channel count and parameters (all small).
    private static func encodingMembers(_ encoding: PositionalEncoding) -> [(String, Value)] {
        var pairs: [(String, Value)] = [
            ("name", .string(encoding.name)),
            ("channels", encoding.fixedChannels.map { .number(Double($0)) } ?? Value.none)
        ]
        switch encoding {
        case .cpg(let count, let tau, let threshold, let index):
            pairs += [
                ("pairs", .number(Double(count))), ("tau", .number(tau)), ("threshold", .number(threshold)),
                ("index", .string(index.rawValue))
            ]
        case .cpgAdded(let tau, let threshold, let index):
            pairs += [
                ("join", .string("add")), ("tau", .number(tau)), ("threshold", .number(threshold)), ("index", .string(index.rawValue))
            ]
        case .sinusoidal(let base):
            pairs.append(("base", .number(base)))
        case .randomCode(_, let seed):
            pairs.append(("seed", .number(Double(seed))))
        case .relative, .learnable, .none:
            break
        }
        return pairs
    }
}
