/// A tensor flowing through a `Tape`: its value plus, when it takes part in differentiation,
/// the index of the tape entry that made it.
///
/// Variables are values; they belong to the tape that made them and mean nothing on another.
public struct Variable: Sendable {
    /// The forward value.
    public let value: Tensor
    /// The tape entry, or `nil` for a constant (no gradient flows into it).
    let id: Int?

    init(_ value: Tensor, id: Int?) {
        self.value = value
        self.id = id
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// Whether gradients flow into this variable.
    public var isDifferentiable: Bool { id != nil }
}
