import SpikeEngine

/// Positional encodings: `cpg`, `sinusoidal`, `relative`, `random_code`, `learnable`,
/// `encode`, `cpg_oscillator`, `distinct_codes` (docs/language.md §7, docs/science.md §2–3).
enum EncodingLibrary {
    static func builtins() -> [Builtin] {
        [cpg(), sinusoidal(), relative(), randomCode(), learnable(), encode(), cpgOscillator(), distinctCodes()]
    }

    /// How `cpg(join=)` joins the code to the input: concatenated (then mapped back by the
    /// next linear), or added with as many channels as the input (the reference's `pe_mode`).
    enum CPGJoin: String, CaseIterable {
        case concat, add
    }

    /// The TypeError's wording for a `pe` argument of the encoding functions.
    static let encodingExpected = "an encoding such as cpg()"

    private static func cpg() -> Builtin {
        Builtin(
            "cpg", topic: .encodings,
            summary:
                "CPG-PE: 2·pairs spike channels, sin/cos(p·tau^(-2i/n)) >= threshold; index \"rolling\" (p = t·L + l) or \"position\" (p = l); join=\"add\" adds a code as wide as the input instead of concatenating."
        ) { p in
            let pairs = p.declare("pairs", .integer, default: 5, doc: "sin/cos pairs: the encoding has 2·pairs channels")
            let tau = p.declare("tau", .number, default: 10_000, doc: "the longest period's base, as in the transformer's 10000")
            let threshold = p.declare("threshold", .number, default: 0.8, doc: "a channel spikes where its sin or cos is at least this")
            let index = p.declare(
                "index", .choice(PositionalEncoding.Index.self), default: .rolling,
                doc: "\"rolling\" counts p = t·L + l over time steps too; \"position\" uses p = l")
            let join = p.declare(
                "join", .choice(CPGJoin.self), default: .concat,
                doc:
                    "\"concat\": [x ; P] then a linear; \"add\": x + P with n = the input's channels (SeqSNN's pe_mode=\"add\"; pairs does not apply)"
            )
            return { arguments, _ in
                let index = try arguments[index]
                let encoding: PositionalEncoding
                switch try arguments[join] {
                case .concat:
                    encoding = .cpg(
                        pairs: try arguments[pairs], tau: try arguments[tau], threshold: try arguments[threshold], index: index)
                case .add:
                    if arguments.isGiven(pairs) {
                        throw arguments.invalid(
                            pairs, "does not apply with join=\"add\": the code has as many channels as the input it is added to")
                    }
                    encoding = .cpgAdded(tau: try arguments[tau], threshold: try arguments[threshold], index: index)
                }
                try arguments.engine { try encoding.validate() }
                return .encoding(encoding)
            }
        }
    }

    private static func sinusoidal() -> Builtin {
        Builtin("sinusoidal", topic: .encodings, summary: "The transformer's float sin/cos encoding, added to the input.") { p in
            let base = p.declare("base", .number, default: 10_000, doc: "the longest period's base")
            return { arguments, _ in
                let encoding = PositionalEncoding.sinusoidal(base: try arguments[base])
                try arguments.engine { try encoding.validate() }
                return .encoding(encoding)
            }
        }
    }

    private static func relative() -> Builtin {
        Builtin(
            "relative", topic: .encodings,
            summary: "Spikformer's relative encoding: Conv1d(k=3) → BatchNorm → LIF over the sequence, added."
        ) { _ in
            { _, _ in .encoding(.relative) }
        }
    }

    private static func randomCode() -> Builtin {
        Builtin("random_code", topic: .encodings, summary: "A fixed random ±1 code per position, concatenated to the input.") { p in
            let channels = p.declare("channels", .integer, default: 10, doc: "the code's length per position")
            let seed = p.declare("seed", .nonNegative, default: 0, doc: "the seed of the codes")
            return { arguments, _ in
                let seed = try arguments[seed]
                let encoding = PositionalEncoding.randomCode(channels: try arguments[channels], seed: UInt64(seed))
                try arguments.engine { try encoding.validate() }
                return .encoding(encoding)
            }
        }
    }

    private static func learnable() -> Builtin {
        Builtin("learnable", topic: .encodings, summary: "One learned vector per position, added to the input.") { _ in
            { _, _ in .encoding(.learnable) }
        }
    }

    private static func encode() -> Builtin {
        Builtin(
            "encode", topic: .encodings,
            summary:
                "The encoding's matrix as a tensor of shape [steps·length, channels]; channels is needed only for sinusoidal and cpg(join=\"add\")."
        ) { p in
            let pe = p.declare("pe", .encoding(expected: encodingExpected), doc: "the encoding, e.g. cpg()")
            let length = p.declare("length", .integer, default: 64, doc: "how many positions")
            let steps = p.declare("steps", .integer, default: 1, doc: "how many SNN time steps")
            let channels = p.declare("channels", .orNone(.integer), doc: "the width of a sinusoidal or added CPG encoding")
            return { arguments, evaluator in
                let encoding = try arguments[pe]
                let length = try arguments[length]
                let steps = try arguments[steps]
                let channels = try arguments[channels]
                return .tensor(
                    try arguments.engine {
                        try encoding.encode(
                            length: length, steps: steps, channels: channels, budget: evaluator.settings.budget,
                            isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    private static func cpgOscillator() -> Builtin {
        Builtin(
            "cpg_oscillator", topic: .encodings,
            summary: "Theorem 1: the CPG's membrane potentials (x_i, y_i) integrated numerically (RK4), shape [length, 2·pairs]."
        ) { p in
            let pairs = p.declare("pairs", .integer, default: 4, doc: "oscillator pairs")
            let tau = p.declare("tau", .number, default: 10_000, doc: "the longest period's base")
            let length = p.declare("length", .integer, default: 64, doc: "how many positions")
            let dt = p.declare("dt", .number, default: 0.01, doc: "the integration step")
            return { arguments, evaluator in
                let pairs = try arguments[pairs]
                let tau = try arguments[tau]
                let length = try arguments[length]
                let dt = try arguments[dt]
                return .tensor(
                    try arguments.engine {
                        try CPGOscillator.integrate(
                            pairs: pairs, tau: tau, length: length, dt: dt, budget: evaluator.settings.budget,
                            isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    private static func distinctCodes() -> Builtin {
        Builtin(
            "distinct_codes", topic: .encodings,
            summary: "How many of the first `length` positions get a distinct code (CPG-PE codes repeat)."
        ) { p in
            let pe = p.declare("pe", .encoding(expected: encodingExpected), doc: "the encoding, e.g. cpg()")
            let length = p.declare("length", .integer, default: 672, doc: "how many positions to compare")
            let channels = p.declare("channels", .orNone(.integer), doc: "the width of a sinusoidal encoding")
            return { arguments, evaluator in
                let encoding = try arguments[pe]
                let length = try arguments[length]
                let channels = try arguments[channels]
                let count = try arguments.engine {
                    try encoding.distinctCodes(
                        length: length, channels: channels, budget: evaluator.settings.budget,
                        isCancelled: evaluator.cancellation)
                }
                return .number(Double(count))
            }
        }
    }
}
