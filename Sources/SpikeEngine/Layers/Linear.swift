import Foundation

/// A fully connected layer over the last axis: y = x·W + b, W of shape [inputs, outputs].
///
/// Initialised as PyTorch's `nn.Linear`: W and b uniform in ±1/√inputs from a seeded
/// generator. Cost: 2·rows·inputs·outputs flops (one `cblas_sgemm`).
public struct Linear: Layer {
    public var weight: Tensor
    public var bias: Tensor?

    /// A layer with `inputs` → `outputs` features, initialised from `generator`.
    public init(inputs: Int, outputs: Int, bias: Bool = true, generator: inout SeededGenerator) throws {
        guard inputs >= 1 else {
            throw EngineError.value(argument: .inputs, message: "must be at least 1, got \(inputs)")
        }
        guard outputs >= 1 else {
            throw EngineError.value(argument: .outputs, message: "must be at least 1, got \(outputs)")
        }
        let bound = Float(1 / Double(inputs).squareRoot())
        weight = try Tensor.uniform([inputs, outputs], low: -bound, high: bound, generator: &generator)
        self.bias = bias ? try Tensor.uniform([outputs], low: -bound, high: bound, generator: &generator) : nil
    }

    /// A layer with the given weight [inputs, outputs] and optional bias [outputs].
    public init(weight: Tensor, bias: Tensor?) throws {
        guard weight.rank == 2 else {
            throw EngineError.shape(operation: "linear weight", first: weight.shape, second: [-1, -1])
        }
        if let bias, bias.shape != [weight.shape[1]] {
            throw EngineError.shape(operation: "linear bias", first: weight.shape, second: bias.shape)
        }
        self.weight = weight
        self.bias = bias
    }

    public var inputs: Int { weight.shape[0] }
    public var outputs: Int { weight.shape[1] }

    public var parameters: [Tensor] {
        get { bias.map { [weight, $0] } ?? [weight] }
        set {
            weight = newValue[0]
            if bias != nil { bias = newValue[1] }
        }
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        let w = context.bind(weight)
        let b = bias.map { context.bind($0) }
        return try context.tape.linear(input, weight: w, bias: b)
    }
}
