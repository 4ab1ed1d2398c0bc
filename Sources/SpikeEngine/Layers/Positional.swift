/// A positional encoding as a layer on [T, B, L, D] inputs (time first, features last); a
/// [B, L, D] input (no spike encoder before it) is one time step.
///
/// - `.cpg` and `.randomCode` are concatenated and mapped back: y = W·[x ; P] + b, computed
///   in the equivalent table form y = x·W_x + (P·W_p)[t, l] + b. P·W_p depends only on the
///   position, so it is one [T·L, n] × [n, out] product per pass, added to every batch row
///   inside the linear (`Tape.linear(_:weight:bias:positions:)`; for binary P each table row
///   is a sum of columns of W_p: adds only).
/// - `.sinusoidal` adds the float table at p = l; `.cpgAdded` adds the spike code as wide as
///   the input (at p = t·L + l when rolling, broadcast over the batch); `.learnable` adds a
///   learned row per position l (indexed by position, not by batch as in the broken reference);
/// - `.relative` adds LIF(BN(Conv1d(x; kernel 3, padding 1, no bias))), Spikformer's RPE (with
///   the model's neuron, whose own parameters follow the batch norm's);
/// - `.none` is the identity.
///
/// `dropout` is the reference's `Dropout(p)` inside its PE modules (docs/science.md §6), active
/// in training only: over [x ; P] before the linear (concatenated codes; with `dropsCode`
/// false over x alone, as the reference's `CPGLinear`), over x + P (added codes), over the
/// relative encoding's spikes before they are added. `.none` never drops, as in the reference.
public struct Positional: Layer {
    /// The layer's own parameters for each kind of encoding.
    enum Part: Sendable {
        case concatenate(inputWeight: Tensor, encodingWeight: Tensor, bias: Tensor)
        case added
        case relative(convolution: Conv1d, norm: BatchNorm, neuron: any Neuron)
        case learnable(table: Tensor)
        case identity
    }

    public let encoding: PositionalEncoding
    /// Feature count of the input (D) and of the output.
    public let features: Int
    public let outputs: Int
    /// The dropout inside the encoding (rate 0: none).
    public let dropout: Dropout
    /// Whether a concatenated code is dropped too, or only the input (the reference's `CPGLinear`).
    public let dropsCode: Bool
    var part: Part

    /// A positional layer for inputs with `features` channels; concatenating encodings map to
    /// `outputs` (default `features`); `maxLength` bounds the learnable table; `dropout` is
    /// the rate of the dropout inside the encoding (throws `.value` outside [0, 1)).
    public init(
        _ encoding: PositionalEncoding, features: Int, outputs: Int? = nil, maxLength: Int = 1024,
        dropout: Double = 0, dropsCode: Bool = true, neuron: any Neuron, generator: inout SeededGenerator
    ) throws {
        try encoding.validate()
        self.dropout = try Dropout(rate: dropout)
        self.dropsCode = dropsCode
        guard features >= 1 else {
            throw EngineError.value(argument: .features, message: "must be at least 1, got \(features)")
        }
        self.encoding = encoding
        self.features = features
        switch encoding {
        case .cpg, .randomCode:
            let width = encoding.fixedChannels ?? 0
            let out = outputs ?? features
            let joined = try Linear(inputs: features + width, outputs: out, generator: &generator)
            part = .concatenate(
                inputWeight: try joined.weight.sliced(axis: 0, range: 0..<features),
                encodingWeight: try joined.weight.sliced(axis: 0, range: features..<(features + width)),
                bias: try joined.bias ?? Tensor.zeros([out]))
            self.outputs = out
        case .sinusoidal, .cpgAdded:
            part = .added
            self.outputs = features
        case .relative:
            part = .relative(
                convolution: try Conv1d(inputs: features, outputs: features, kernel: 3, bias: false, generator: &generator),
                norm: try BatchNorm(features: features), neuron: neuron)
            self.outputs = features
        case .learnable:
            guard maxLength >= 1 else {
                throw EngineError.value(argument: .maxLength, message: "must be at least 1, got \(maxLength)")
            }
            part = .learnable(table: try Tensor.randn([maxLength, features], generator: &generator) * 0.02)
            self.outputs = features
        case .none:
            part = .identity
            self.outputs = features
        }
    }

    public var parameters: [Tensor] {
        get {
            switch part {
            case .concatenate(let inputWeight, let encodingWeight, let bias): return [inputWeight, encodingWeight, bias]
            case .relative(let convolution, let norm, let neuron): return convolution.parameters + norm.parameters + neuron.parameters
            case .learnable(let table): return [table]
            case .added, .identity: return []
            }
        }
        set {
            switch part {
            case .concatenate:
                part = .concatenate(inputWeight: newValue[0], encodingWeight: newValue[1], bias: newValue[2])
            case .relative(var convolution, var norm, var neuron):
                convolution.parameters = [newValue[0]]
                norm.parameters = Array(newValue[1...2])
                neuron.parameters = Array(newValue[3...])
                part = .relative(convolution: convolution, norm: norm, neuron: neuron)
            case .learnable:
                part = .learnable(table: newValue[0])
            case .added, .identity:
                break
            }
        }
    }

    public var buffers: [Tensor] {
        get {
            if case .relative(_, let norm, _) = part { return norm.buffers }
            return []
        }
        set {
            if case .relative(let convolution, var norm, let neuron) = part {
                norm.buffers = newValue
                part = .relative(convolution: convolution, norm: norm, neuron: neuron)
            }
        }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank >= 3, input.shape[input.shape.count - 1] == features else {
            throw EngineError.shape(operation: "positional(\(encoding.name))", first: input.shape, second: [-1, -1, features])
        }
        let tape = context.tape
        let steps = input.shape[0]
        let length = input.shape[input.shape.count - 2]
        switch part {
        case .concatenate where input.value.rank == 3:
            // [B, L, D] has no time axis: every example reads the code of step 0, not of step b.
            let y = try forward(try tape.reshape(input, [1] + input.shape), in: context)
            return try tape.reshape(y, Array(y.shape.dropFirst()))
        case .concatenate(let inputWeight, let encodingWeight, let bias):
            if drops(in: context) {
                return try droppedConcatenation(input, inputWeight, encodingWeight, bias, in: context)
            }
            let (wx, b, table) = try bindConcatenation(inputWeight, encodingWeight, bias, steps: steps, length: length, in: context)
            return try tape.linear(input, weight: wx, bias: b, positions: table)
        case .added:
            return try dropout.forward(try tape.add(input, tape.constant(try addedCode(for: input, in: context))), in: context)
        case .relative(let convolution, let norm, let neuron):
            let convolved = try convolution.forward(input, in: context)
            let spikes = try neuron.forward(try norm.forward(convolved, in: context), in: context)
            return try tape.add(input, try dropout.forward(spikes, in: context))
        case .learnable(let table):
            guard length <= table.shape[0] else {
                throw EngineError.value(argument: .length, message: "\(length) exceeds the learnable table's \(table.shape[0]) positions")
            }
            let rows = try tape.slice(context.bind(table), axis: 0, range: 0..<length)
            return try dropout.forward(try tape.add(input, rows), in: context)
        case .identity:
            return input
        }
    }
}

extension Positional: NeuronFusable {
    /// `neuron` on this layer's output; a concatenated code runs as one `Tape.linearLIF`.
    public func forward(_ input: Variable, firing neuron: any Neuron, in context: ForwardContext) throws -> Variable {
        guard case .concatenate(let inputWeight, let encodingWeight, let bias) = part, let lif = neuron.equivalentLIF,
            input.value.rank >= 4, input.shape[input.shape.count - 1] == features, !drops(in: context)
        else {
            return try neuron.forward(try forward(input, in: context), in: context)
        }
        let steps = input.shape[0]
        let length = input.shape[input.shape.count - 2]
        let (wx, b, table) = try bindConcatenation(inputWeight, encodingWeight, bias, steps: steps, length: length, in: context)
        return try context.tape.linearLIF(input, weight: wx, bias: b, positions: table, neuron: lif)
    }

    /// Binds W_x, W_p and b (in the order of `parameters`) and gives W_x, b and the position
    /// table P·W_p as [T, L, outputs].
    private func bindConcatenation(
        _ inputWeight: Tensor, _ encodingWeight: Tensor, _ bias: Tensor, steps: Int, length: Int, in context: ForwardContext
    ) throws -> (weight: Variable, bias: Variable, table: Variable) {
        let tape = context.tape
        let wx = context.bind(inputWeight)
        let wp = context.bind(encodingWeight)
        let b = context.bind(bias)
        let code = try encoding.encode(length: length, steps: steps, budget: context.budget)
        let table = try tape.reshape(tape.matmul(tape.constant(code), wp), [steps, length, outputs])
        return (wx, b, table)
    }
}

extension Positional {
    /// Whether this pass drops anything (training with a positive rate).
    func drops(in context: ForwardContext) -> Bool {
        context.isTraining && dropout.rate > 0
    }

    /// The added code for `input` [T, B, L, D] or [..., L, D]: [L, D] at p = l, or [T, 1, L, D]
    /// for a rolling CPG-PE on spikes (row t·L + l, the same for every batch row).
    func addedCode(for input: Variable, in context: ForwardContext) throws -> Tensor {
        let length = input.shape[input.shape.count - 2]
        var steps = 1
        if case .cpgAdded(_, _, .rolling) = encoding, input.value.rank == 4 { steps = input.shape[0] }
        let code = try encoding.encode(length: length, steps: steps, channels: features, budget: context.budget)
        return steps == 1 ? code : try code.reshaped([steps, 1, length, features])
    }

    /// W_x·drop(x) + W_p·drop(P) + b in training: the code is laid out for every batch row
    /// (row t·L + l of P at [t, …, l]), so each row gets its own mask, as the reference's
    /// dropout over the concatenated tensor does. Cost: O(rows·n) more memory than the table form.
    private func droppedConcatenation(
        _ input: Variable, _ inputWeight: Tensor, _ encodingWeight: Tensor, _ bias: Tensor, in context: ForwardContext
    ) throws -> Variable {
        let tape = context.tape
        let wx = context.bind(inputWeight)
        let wp = context.bind(encodingWeight)
        let b = context.bind(bias)
        let steps = input.shape[0]
        let length = input.shape[input.shape.count - 2]
        let width = encodingWeight.shape[0]
        let code = try encoding.encode(length: length, steps: steps, budget: context.budget)
        let middle = input.value.count / Swift.max(steps * length * features, 1)
        try context.budget.check(scalars: try Tensor.elementCount(of: [steps, middle, length, width]))
        var scalars = [Float]()
        scalars.reserveCapacity(steps * middle * length * width)
        for t in 0..<steps {
            let rows = code.scalars[(t * length * width)..<((t + 1) * length * width)]
            for _ in 0..<middle { scalars.append(contentsOf: rows) }
        }
        let laidOut = tape.constant(Tensor(unchecked: Array(input.shape.dropLast()) + [width], scalars: scalars))
        let x = try dropout.forward(input, in: context)
        let p = dropsCode ? try dropout.forward(laidOut, in: context) : laidOut
        return try tape.add(try tape.linear(x, weight: wx, bias: b), try tape.linear(p, weight: wp, bias: nil))
    }
}
