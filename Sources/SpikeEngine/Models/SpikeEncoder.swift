/// Turns a window of real values [B, L, C] into spikes [T, B, L, C] (docs/science.md §4).
///
///     conv    x → Conv over L with 1 → T channels (kernel 3, same padding), shared by the
///             variates → BatchNorm over the T channels → permute → LIF
///     delta   Δx_l = x_l − x_{l−1} (0 at l = 0) → BatchNorm(1) → Linear(1 → T) → permute → LIF
///     repeat  x repeated T times → LIF (direct current)
///
/// Each conv or linear output channel becomes one SNN time step, as in the reference code.
/// Cost: conv 2·B·L·C·3·T flops, delta 2·B·L·C·T, repeat O(T·B·L·C).
public struct SpikeEncoder: Layer {
    /// Which encoder; the language names them `conv_encoder`, `delta_encoder`, `repeat_encoder`.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case conv, delta, `repeat`
    }

    public let kind: Kind
    public let steps: Int
    public private(set) var neuron: any Neuron
    var convolution: Conv1d?
    var projection: Linear?
    var norm: BatchNorm?

    /// An encoder producing `steps` SNN time steps.
    public init(_ kind: Kind, steps: Int, neuron: any Neuron, generator: inout SeededGenerator) throws {
        guard steps >= 1 else {
            throw EngineError.value(argument: .steps, message: "must be at least 1, got \(steps)")
        }
        self.kind = kind
        self.steps = steps
        self.neuron = neuron
        switch kind {
        case .conv:
            convolution = try Conv1d(inputs: 1, outputs: steps, kernel: 3, generator: &generator)
            norm = try BatchNorm(features: steps)
        case .delta:
            norm = try BatchNorm(features: 1)
            projection = try Linear(inputs: 1, outputs: steps, generator: &generator)
        case .repeat:
            break
        }
    }

    public var parameters: [Tensor] {
        get { (convolution?.parameters ?? []) + (norm?.parameters ?? []) + (projection?.parameters ?? []) + neuron.parameters }
        set {
            var rest = newValue[...]
            if var convolution {
                convolution.parameters = Array(rest.prefix(convolution.parameters.count))
                rest = rest.dropFirst(convolution.parameters.count)
                self.convolution = convolution
            }
            if var norm {
                norm.parameters = Array(rest.prefix(2))
                rest = rest.dropFirst(2)
                self.norm = norm
            }
            if var projection {
                projection.parameters = Array(rest.prefix(projection.parameters.count))
                rest = rest.dropFirst(projection.parameters.count)
                self.projection = projection
            }
            neuron.parameters = Array(rest)
        }
    }

    public var buffers: [Tensor] {
        get { norm?.buffers ?? [] }
        set { norm?.buffers = newValue }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank == 3 else {
            throw EngineError.shape(
                operation: "\(kind.rawValue)_encoder (expects [batch, length, variates])",
                first: input.shape, second: [-1, -1, -1])
        }
        let tape = context.tape
        let (b, l, c) = (input.shape[0], input.shape[1], input.shape[2])
        let current: Variable
        switch kind {
        case .conv:
            guard let convolution, let norm else { return input }
            // [B, L, C] → [B, C, L, 1]: each variate is a one-channel sequence.
            let sequences = try tape.reshape(tape.permute(input, [0, 2, 1]), [b, c, l, 1])
            let convolved = try norm.forward(convolution.forward(sequences, in: context), in: context)
            current = try tape.permute(convolved, [3, 0, 2, 1])  // [B, C, L, T] → [T, B, L, C]
        case .delta:
            guard let norm, let projection else { return input }
            let delta = try Self.differences(input.value)
            let normalized = try norm.forward(tape.constant(delta.reshaped([b, l, c, 1])), in: context)
            current = try tape.permute(projection.forward(normalized, in: context), [3, 0, 1, 2])
        case .repeat:
            // Broadcasting [T, 1, 1, 1] + [B, L, C] repeats the window T times.
            current = try tape.add(tape.constant(try Tensor.zeros([steps, 1, 1, 1])), input)
        }
        return try neuron.forward(current, in: context)
    }

    /// x_l − x_{l−1} along axis 1 of [B, L, C], 0 at l = 0.
    static func differences(_ x: Tensor) throws -> Tensor {
        let (b, l, c) = (x.shape[0], x.shape[1], x.shape[2])
        var scalars = [Float](repeating: 0, count: x.count)
        for sample in 0..<b {
            for position in 1..<Swift.max(l, 1) {
                let row = (sample * l + position) * c
                for variate in 0..<c {
                    scalars[row + variate] = x.scalars[row + variate] - x.scalars[row - c + variate]
                }
            }
        }
        return try Tensor(shape: x.shape, scalars: scalars)
    }
}
