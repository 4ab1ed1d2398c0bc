/// The mean over a named axis of a [T, B, L, D] tensor: `.time` (axis 0) or `.length` (the
/// axis before the features), the readouts of science.md §4.
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

/// Joins every axis from `start` on into one: [B, L, D] → [B, L·D] with `start` 1.
public struct Flatten: Layer {
    public let start: Int

    public init(from start: Int = 1) {
        self.start = start
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard start >= 0, start < input.value.rank else {
            throw EngineError.value(argument: "start", message: "\(start) is out of range for shape \(input.shape)")
        }
        return try context.tape.reshape(input, Array(input.shape[..<start]) + [-1])
    }
}
