/// A neuron of any family, compared by value: what options, blueprints and other `Equatable`
/// descriptions store (an `any Neuron` alone is not `Equatable`).
public struct AnyNeuron: Equatable, Sendable {
    public let base: any Neuron

    public init(_ base: any Neuron) {
        self.base = base
    }

    public static func == (a: AnyNeuron, b: AnyNeuron) -> Bool {
        a.base.isEqual(to: b.base)
    }
}
