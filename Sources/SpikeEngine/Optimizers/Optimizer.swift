/// An update rule for a list of parameters given their gradients; the state (momenta) is part
/// of the value, so `step` is mutating and training stays deterministic.
public protocol Optimizer: Sendable {
    /// Moves `parameters` one step against `gradients` (same count and shapes).
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws
}

extension Optimizer {
    /// Throws `.shape` unless every gradient has its parameter's shape.
    func checkShapes(_ parameters: [Tensor], _ gradients: [Tensor]) throws {
        guard parameters.count == gradients.count else {
            throw EngineError.shape(operation: "optimizer step", first: [parameters.count], second: [gradients.count])
        }
        for (parameter, gradient) in zip(parameters, gradients) where parameter.shape != gradient.shape {
            throw EngineError.shape(operation: "optimizer step", first: parameter.shape, second: gradient.shape)
        }
    }
}
