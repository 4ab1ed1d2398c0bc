/// The mean over a named axis of a [T, B, L, D] tensor: `.time` (axis 0) or `.length` (the
/// axis before the features), the readouts of docs/science.md §4.
public struct MeanOver: Layer {
    /// Which axis is averaged away.
    public enum Axis: String, Sendable, CaseIterable {
        /// Axis 0: SNN time steps.
        case time
        /// The second-to-last axis: sequence positions.
        case length
    }

    public let axis: Axis

    public init(_ axis: Axis) {
        self.axis = axis
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank >= 2 else {
            throw EngineError.shape(operation: "mean over \(axis.rawValue)", first: input.shape, second: [-1, -1])
        }
        return try context.tape.mean(input, axis: axis == .time ? 0 : input.value.rank - 2)
    }
}
