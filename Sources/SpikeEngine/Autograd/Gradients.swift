/// The gradients returned by `Tape.gradients(of:)`, looked up by variable.
public struct Gradients: Sendable {
    let values: [Int: Tensor]

    /// d output / d `variable`; zeros when no gradient reached it, or it is a constant or an
    /// intermediate result (only leaves keep their gradients).
    public subscript(_ variable: Variable) -> Tensor {
        if let id = variable.id, let gradient = values[id] { return gradient }
        return Tensor(unchecked: variable.shape, scalars: [Float](repeating: 0, count: variable.value.count))
    }
}
