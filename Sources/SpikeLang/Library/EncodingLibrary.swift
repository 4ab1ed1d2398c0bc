import SpikeEngine

/// Positional encodings: `cpg`, `sinusoidal`, `relative`, `random_code`, `learnable`,
/// `encode`, `cpg_oscillator`, `distinct_codes` (docs/language.md §7, docs/science.md §2–3).
enum EncodingLibrary {
    static func builtins() -> [Builtin] {
        [cpg(), sinusoidal(), relative(), randomCode(), learnable(), encode(), cpgOscillator(), distinctCodes()]
    }

    private static func cpg() -> Builtin {
        Builtin(Signature("cpg", [optional("pairs", .number(5)), optional("tau", .number(10_000)),
                                  optional("threshold", .number(0.8)), optional("index", .string("rolling"))]),
                topic: .encodings,
                summary: "CPG-PE: 2·pairs spike channels, sin/cos(p·tau^(-2i/n)) >= threshold; index \"rolling\" (p = t·L + l) or \"position\" (p = l).") { arguments, _ in
            let index = try arguments.choice("index", among: PositionalEncoding.Index.allCases.map(\.rawValue))
            let encoding = PositionalEncoding.cpg(pairs: try arguments.integer("pairs"), tau: try arguments.number("tau"),
                                                  threshold: try arguments.number("threshold"),
                                                  index: PositionalEncoding.Index(rawValue: index) ?? .rolling)
            try arguments.engine { try encoding.validate() }
            return .encoding(encoding)
        }
    }

    private static func sinusoidal() -> Builtin {
        Builtin(Signature("sinusoidal", [optional("base", .number(10_000))]), topic: .encodings,
                summary: "The transformer's float sin/cos encoding, added to the input.") { arguments, _ in
            let encoding = PositionalEncoding.sinusoidal(base: try arguments.number("base"))
            try arguments.engine { try encoding.validate() }
            return .encoding(encoding)
        }
    }

    private static func relative() -> Builtin {
        Builtin(Signature("relative"), topic: .encodings,
                summary: "Spikformer's relative encoding: Conv1d(k=3) → BatchNorm → LIF over the sequence, added.") { _, _ in
            .encoding(.relative)
        }
    }

    private static func randomCode() -> Builtin {
        Builtin(Signature("random_code", [optional("channels", .number(10)), optional("seed", .number(0))]), topic: .encodings,
                summary: "A fixed random ±1 code per position, concatenated to the input.") { arguments, _ in
            let seed = try arguments.integer("seed")
            guard seed >= 0 else { throw arguments.invalid("seed", "must not be negative") }
            let encoding = PositionalEncoding.randomCode(channels: try arguments.integer("channels"), seed: UInt64(seed))
            try arguments.engine { try encoding.validate() }
            return .encoding(encoding)
        }
    }

    private static func learnable() -> Builtin {
        Builtin(Signature("learnable"), topic: .encodings,
                summary: "One learned vector per position, added to the input.") { _, _ in
            .encoding(.learnable)
        }
    }

    private static func encode() -> Builtin {
        Builtin(Signature("encode", [required("pe"), optional("length", .number(64)), optional("steps", .number(1)),
                                     optional("channels", .none)]),
                topic: .encodings,
                summary: "The encoding's matrix as a tensor of shape [steps·length, channels]; channels is needed only for sinusoidal.") { arguments, evaluator in
            let encoding = try encodingArgument(arguments)
            let length = try arguments.integer("length")
            let steps = try arguments.integer("steps")
            let channels = arguments.value("channels").isNone ? nil : try arguments.integer("channels")
            return .tensor(try arguments.engine {
                try encoding.encode(length: length, steps: steps, channels: channels, budget: evaluator.settings.budget,
                                    isCancelled: evaluator.cancellation)
            })
        }
    }

    private static func cpgOscillator() -> Builtin {
        Builtin(Signature("cpg_oscillator", [optional("pairs", .number(4)), optional("tau", .number(10_000)),
                                             optional("length", .number(64)), optional("dt", .number(0.01))]),
                topic: .encodings,
                summary: "Theorem 1: the CPG's membrane potentials (x_i, y_i) integrated numerically (RK4), shape [length, 2·pairs].") { arguments, evaluator in
            let pairs = try arguments.integer("pairs")
            let tau = try arguments.number("tau")
            let length = try arguments.integer("length")
            let dt = try arguments.number("dt")
            return .tensor(try arguments.engine {
                try CPGOscillator.integrate(pairs: pairs, tau: tau, length: length, dt: dt, budget: evaluator.settings.budget,
                                            isCancelled: evaluator.cancellation)
            })
        }
    }

    private static func distinctCodes() -> Builtin {
        Builtin(Signature("distinct_codes", [required("pe"), optional("length", .number(672))]), topic: .encodings,
                summary: "How many of the first `length` positions get a distinct code (CPG-PE codes repeat).") { arguments, evaluator in
            let encoding = try encodingArgument(arguments)
            let length = try arguments.integer("length")
            let count = try arguments.engine { try encoding.distinctCodes(length: length, budget: evaluator.settings.budget,
                                                                           isCancelled: evaluator.cancellation) }
            return .number(Double(count))
        }
    }

    /// The `pe` argument: an encoding, or `none` for no encoding.
    static func encodingArgument(_ arguments: Arguments) throws -> PositionalEncoding {
        switch arguments.value("pe") {
        case .encoding(let encoding): return encoding
        case .none: return .none
        default: throw arguments.mismatch("pe", expected: "an encoding such as cpg()")
        }
    }
}
