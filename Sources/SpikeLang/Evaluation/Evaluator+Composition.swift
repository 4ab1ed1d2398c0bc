import SpikeEngine

/// `a >> b`: the network that applies `a`, then `b`. Layers, networks and neurons (a neuron
/// is also a layer) compose; anything else is a TypeError.
extension Evaluator {
    func compose(_ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        guard let first = Evaluator.blueprint(of: left), let second = Evaluator.blueprint(of: right) else {
            throw Diagnostic(.notComposable(left: left.typeName, right: right.typeName), at: range)
        }
        // A composition is a network: mutable, trained in place (docs/language.md §4).
        return .model(.network(Network(unbuiltFrom: first.then(second))))
    }

    /// The layer a value stands for, if it is one.
    static func blueprint(of value: Value) -> Blueprint? {
        switch value {
        case .blueprint(let blueprint): return blueprint
        case .neuron(let neuron): return .neuron(neuron)
        case .model(.network(let network)): return network.blueprint
        default: return nil
        }
    }
}
