import SpikeEngine

/// Text forms of engine values, written the way the language would build them
/// (`lif(tau=2, …)`, `cpg(pairs=5, …)`), so a printed value reads as code.
enum EngineText {
    static func neuron(_ neuron: any Neuron) -> String {
        let arguments = neuron.settings.map { setting -> String in
            switch setting.value {
            case .number(let number): return "\(setting.name)=\(ValueText.number(number))"
            case .text(let text): return "\(setting.name)=\"\(text)\""
            case .flag(let flag): return "\(setting.name)=\(flag)"
            case .surrogate(let given): return "\(setting.name)=\(surrogate(given))"
            }
        }
        return "\(neuron.builtinName)(\(arguments.joined(separator: ", ")))"
    }

    /// A neuron setting as a language value (`neuron.tau`, `neuron.reset`).
    static func value(_ setting: NeuronSetting.Value) -> Value {
        switch setting {
        case .number(let number): return .number(number)
        case .text(let text): return .string(text)
        case .flag(let flag): return .boolean(flag)
        case .surrogate(let surrogate): return .surrogate(surrogate)
        }
    }

    static func surrogate(_ surrogate: Surrogate) -> String {
        let (name, value) = surrogate.parameter
        return "\(surrogateName(surrogate))(\(name)=\(ValueText.number(value)))"
    }

    /// The builtin that makes this surrogate.
    static func surrogateName(_ surrogate: Surrogate) -> String {
        switch surrogate {
        case .atan: return "atan"
        case .sigmoid: return "sigmoid"
        case .fastSigmoid: return "fast_sigmoid"
        case .triangle: return "triangle"
        case .rectangle: return "rect"
        }
    }

    static func encoding(_ encoding: PositionalEncoding) -> String {
        switch encoding {
        case .cpg(let pairs, let tau, let threshold, let index):
            return
                "cpg(pairs=\(pairs), tau=\(ValueText.number(tau)), threshold=\(ValueText.number(threshold)), index=\"\(index.rawValue)\")"
        case .cpgAdded(let tau, let threshold, let index):
            return "cpg(join=\"add\", tau=\(ValueText.number(tau)), threshold=\(ValueText.number(threshold)), index=\"\(index.rawValue)\")"
        case .sinusoidal(let base): return "sinusoidal(base=\(ValueText.number(base)))"
        case .relative: return "relative()"
        case .randomCode(let channels, let seed): return "random_code(channels=\(channels), seed=\(seed))"
        case .learnable: return "learnable()"
        case .none: return "none"
        }
    }

    /// A Float32 scalar: integral values without a decimal point, others in Float's own
    /// shortest round-trip form (`0.1`, not `0.10000000149011612`).
    static func scalar(_ value: Float) -> String {
        if value.isNaN { return "nan" }  // whatever its sign bit (inf − inf gives -nan in Swift's text)
        if value.isFinite, value == value.rounded(), abs(value) <= 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Small tensors in full as nested lists, `tensor([[1, 2], [3, 4]])`; larger ones as their
    /// shape and range, `tensor(shape=[96, 10], min=0, max=1, mean=0.2048)`. Cost: O(count).
    static func tensor(_ tensor: Tensor, limit: Int = 64) -> String {
        text(of: tensor, limit: limit) {}
    }

    /// `tensor(_:limit:)`, polling `isCancelled` every `cancellationChunk` scalars of the
    /// summary pass: showing a 1e8-element tensor takes a fifth of a second, and an interrupt
    /// then ends it with `EngineError.interrupted`.
    static func tensor(_ tensor: Tensor, limit: Int = 64, isCancelled: @escaping CancellationCheck) throws -> String {
        try text(of: tensor, limit: limit) {
            if isCancelled() { throw EngineError.interrupted }
        }
    }

    /// The text of `tensor(_:limit:)`; `poll` runs before each chunk of the summary pass.
    private static func text(of tensor: Tensor, limit: Int, poll: () throws -> Void) rethrows -> String {
        if tensor.count <= limit {
            return "tensor(\(nested(tensor.scalars[...], shape: tensor.shape[...])))"
        }
        // One pass over the finite entries, with no copy: the summary of a tensor that
        // took most of the memory budget must not allocate another one.
        var count = 0
        var sum = 0.0
        var lowest = Float.infinity
        var highest = -Float.infinity
        let scalars = tensor.scalars
        for start in stride(from: 0, to: scalars.count, by: cancellationChunk) {
            try poll()
            for value in scalars[start..<min(start + cancellationChunk, scalars.count)] where value.isFinite {
                count += 1
                sum += Double(value)
                lowest = min(lowest, value)
                highest = max(highest, value)
            }
        }
        let mean = count == 0 ? Double.nan : sum / Double(count)
        let low = count == 0 ? "nan" : scalar(lowest)
        let high = count == 0 ? "nan" : scalar(highest)
        return "tensor(shape=\(shapeText(tensor.shape)), min=\(low), max=\(high), mean=\(ValueText.number((mean * 1e4).rounded() / 1e4)))"
    }

    static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    private static func nested(_ scalars: ArraySlice<Float>, shape: ArraySlice<Int>) -> String {
        guard let first = shape.first else { return scalars.first.map(scalar) ?? "" }
        let inner = shape.dropFirst().reduce(1, *)
        let parts = (0..<first).map { index -> String in
            let start = scalars.startIndex + index * inner
            return nested(scalars[start..<start + inner], shape: shape.dropFirst())
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// `trace: 20 steps, 6 spikes (first at step 3), threshold 1, membrane before reset 0.5…1.2`:
    /// the range of the charge H[t], the potential compared with the threshold and the one its
    /// figure plots (`TraceView`), with steps counted from 1 as there.
    static func trace(_ trace: Trace) -> String {
        let count = trace.spikeSteps.count
        var text = "trace: \(trace.steps) step\(trace.steps == 1 ? "" : "s"), \(count) spike\(count == 1 ? "" : "s")"
        if let first = trace.firstSpike { text += " (first at step \(first))" }
        text += ", threshold \(ValueText.number(trace.threshold))"
        let finite = trace.charge.filter(\.isFinite)
        if let low = finite.min(), let high = finite.max() {
            text += ", membrane before reset \(ValueText.number(rounded(low)))…\(ValueText.number(rounded(high)))"
        }
        return text
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1e4).rounded() / 1e4
    }
}
