/// One named parameter of a neuron as the language reads and writes it (`tau=2`,
/// `reset="zero"`, `surrogate=atan(alpha=2)`).
public struct NeuronSetting: Equatable, Sendable {
    /// A parameter's value.
    public enum Value: Equatable, Sendable {
        case number(Double)
        case text(String)
        case flag(Bool)
        case surrogate(Surrogate)
    }

    /// The argument name of the builtin (`tau`, `v_reset`, `detach_reset`).
    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}
