/// A differentiable layer: trainable `parameters`, non-trainable `buffers` (e.g. running
/// statistics) and a forward pass on a `ForwardContext`'s tape.
///
/// Spiking tensors are laid out [T, B, L, D]: SNN time step first, features last. A layer
/// binds each parameter through `context.bind(_:)` in the order of `parameters`, so the
/// context's `boundParameters` line up with `parameters` for the gradients; a layer with
/// buffers reports their new values through `context.updateBuffer(_:)` in the order of
/// `buffers` (training only). Layers are values: training produces a new layer.
public protocol Layer: Sendable {
    /// The trainable tensors, in a fixed order.
    var parameters: [Tensor] { get set }
    /// The non-trainable state, in a fixed order.
    var buffers: [Tensor] { get set }
    /// The forward pass.
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable
}

extension Layer {
    public var parameters: [Tensor] {
        get { [] }
        set {}
    }

    public var buffers: [Tensor] {
        get { [] }
        set {}
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// What one forward pass needs besides its input: the tape, training or inference, the
/// dropout generator, the cancellation check, and the record of bound parameters and
/// updated buffers.
///
///     let context = ForwardContext(tape: Tape(), training: true, seed: 0)
///     let y = try model.forward(context.tape.constant(x), in: context)
///     let grads = try context.tape.gradients(of: loss)
///     let parameterGradients = context.boundParameters.map { grads[$0] }   // aligned with model.parameters
public final class ForwardContext {
    public let tape: Tape
    /// Training mode: batch statistics in batch norm, active dropout, buffers updated.
    public let isTraining: Bool
    public let isCancelled: CancellationCheck?
    /// The memory budget that layers check before large allocations.
    public let budget: MemoryBudget
    var generator: SeededGenerator
    /// Every parameter bound so far, in binding order.
    public private(set) var boundParameters: [Variable] = []
    /// Every buffer's new value reported so far, in reporting order.
    public private(set) var updatedBuffers: [Tensor] = []

    public init(
        tape: Tape, training: Bool, seed: UInt64 = 0, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) {
        self.tape = tape
        self.isTraining = training
        self.isCancelled = isCancelled
        self.budget = budget
        generator = SeededGenerator(seed: seed)
    }

    /// The parameter as a variable on the tape (differentiable when the tape records).
    public func bind(_ parameter: Tensor) -> Variable {
        let variable = tape.parameter(parameter)
        boundParameters.append(variable)
        return variable
    }

    /// Records a buffer's new value (training only; ignored in inference).
    public func updateBuffer(_ value: Tensor) {
        if isTraining { updatedBuffers.append(value) }
    }

    /// Throws `.interrupted` when the cancellation check says so.
    public func checkCancellation() throws {
        try checkCancelled(isCancelled)
    }

    /// A fresh generator split from the context's stream (for dropout masks).
    func nextGenerator() -> SeededGenerator {
        SeededGenerator(seed: generator.next())
    }
}
