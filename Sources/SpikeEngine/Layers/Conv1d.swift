import Foundation

/// A 1-D convolution over the length axis of [..., L, C] tensors (channels last).
///
/// `causal` pads (kernel − 1)·dilation zeros on the left only, so y[l] sees x[≤ l] (the
/// Spike-TCN block); otherwise the padding is split to keep the length ("same", e.g. the
/// Spikformer relative PE: kernel 3, padding 1). Initialised as PyTorch's `nn.Conv1d`:
/// uniform in ±1/√(inputs·kernel). Cost: 2·N·L·kernel·inputs·outputs flops.
public struct Conv1d: Layer {
    public var weight: Tensor
    public var bias: Tensor?
    public let kernel: Int
    public let dilation: Int
    public let causal: Bool

    public init(
        inputs: Int, outputs: Int, kernel: Int = 3, dilation: Int = 1, causal: Bool = false, bias: Bool = true,
        generator: inout SeededGenerator
    ) throws {
        guard inputs >= 1 else {
            throw EngineError.value(argument: .inputs, message: "must be at least 1, got \(inputs)")
        }
        guard outputs >= 1 else {
            throw EngineError.value(argument: .outputs, message: "must be at least 1, got \(outputs)")
        }
        guard kernel >= 1 else {
            throw EngineError.value(argument: .kernel, message: "must be at least 1, got \(kernel)")
        }
        guard dilation >= 1 else {
            throw EngineError.value(argument: .dilation, message: "must be at least 1, got \(dilation)")
        }
        let bound = Float(1 / Double(inputs * kernel).squareRoot())
        weight = try Tensor.uniform([kernel * inputs, outputs], low: -bound, high: bound, generator: &generator)
        self.bias = bias ? try Tensor.uniform([outputs], low: -bound, high: bound, generator: &generator) : nil
        self.kernel = kernel
        self.dilation = dilation
        self.causal = causal
    }

    /// Zero padding on each side of the sequence.
    public var padding: (left: Int, right: Int) {
        let total = (kernel - 1) * dilation
        return causal ? (total, 0) : (total / 2, total - total / 2)
    }

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
        return try context.tape.conv1d(
            input, weight: w, bias: b, kernel: kernel, dilation: dilation,
            padLeft: padding.left, padRight: padding.right, budget: context.budget)
    }
}
