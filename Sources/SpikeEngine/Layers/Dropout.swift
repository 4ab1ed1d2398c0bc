/// Inverted dropout: in training each entry is zeroed with probability `rate` and the rest
/// scaled by 1/(1 − rate); in inference it is the identity. Masks come from the context's
/// seeded generator, so the same seed gives the same masks.
public struct Dropout: Layer {
    public let rate: Double

    public init(rate: Double = 0.1) throws {
        guard rate.isFinite, rate >= 0, rate < 1 else {
            throw EngineError.value(argument: .dropoutRate, message: "must lie in [0, 1), got \(rate)")
        }
        self.rate = rate
    }

    public func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard context.isTraining, rate > 0 else { return input }
        var generator = context.nextGenerator()
        let keep = 1 - rate
        let scale = Float(1 / keep)
        let mask = input.value.map { _ in generator.nextUnit() < keep ? scale : 0 }
        return try context.tape.multiply(input, context.tape.constant(mask))
    }
}
