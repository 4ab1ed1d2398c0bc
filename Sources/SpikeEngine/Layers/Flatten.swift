/// Joins every axis from `start` on into one: [B, L, D] → [B, L·D] with `start` 1.
public struct Flatten: Layer {
    public let start: Int

    public init(from start: Int = 1) {
        self.start = start
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard start >= 0, start < input.value.rank else {
            throw EngineError.value(argument: .start, message: "\(start) is out of range for shape \(input.shape)")
        }
        return try context.tape.reshape(input, Array(input.shape[..<start]) + [-1])
    }
}
