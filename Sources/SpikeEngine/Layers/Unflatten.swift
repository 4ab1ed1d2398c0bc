/// Gives everything after the first `kept` axes the shape `example`: [B, 64] → [B, 8, 8] with
/// `kept` 1 (the batch), [T, B, 64] → [T, B, 8, 8] with `kept` 2. The inverse of `Flatten`.
public struct Unflatten: Layer {
    public let kept: Int
    public let example: [Int]

    public init(keeping kept: Int, example: [Int]) {
        self.kept = kept
        self.example = example
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard kept >= 0, kept <= input.value.rank else {
            throw EngineError.value(argument: .shape, message: "keeps \(kept) axes of shape \(input.shape)")
        }
        return try context.tape.reshape(input, Array(input.shape[..<kept]) + example)
    }
}
