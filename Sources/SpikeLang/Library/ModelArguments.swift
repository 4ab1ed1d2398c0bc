import SpikeEngine

/// Typed accessors for the arguments models and training take: networks, encodings, neurons,
/// data, shapes.
extension Arguments {
    /// A network argument (a model or a `>>` composition; single layers are immutable blueprints).
    func network(_ name: String) throws -> Network {
        switch value(name) {
        case .model(.network(let network)): return network
        case .blueprint, .neuron:
            throw invalid(name, "is a single layer: compose layers into a network with >> (e.g. conv_encoder() >> ... >> linear(12)) or use a model such as spikformer()")
        default: throw mismatch(name, expected: "a network such as spikformer() or a composition made with >>")
        }
    }

    /// `pe=`: an encoding such as cpg(), or none.
    func encoding(_ name: String = "pe") throws -> PositionalEncoding {
        switch value(name) {
        case .encoding(let encoding): return encoding
        case .none: return .none
        default: throw mismatch(name, expected: "a positional encoding such as cpg(), or none")
        }
    }

    func neuron(_ name: String = "neuron") throws -> any Neuron {
        guard case .neuron(let neuron) = value(name) else { throw mismatch(name, expected: "a neuron such as lif()") }
        return neuron
    }

    /// `encoder="conv"|"delta"|"repeat"`.
    func encoderKind(_ name: String = "encoder") throws -> SpikeEncoder.Kind {
        let given = try choice(name, among: SpikeEncoder.Kind.allCases.map(\.rawValue))
        return SpikeEncoder.Kind(rawValue: given) ?? .conv
    }

    /// A list of positive integers (`channels=[16, 16]`, `hidden=[64]`).
    func integers(_ name: String) throws -> [Int] {
        guard case .list(let items) = value(name) else { throw mismatch(name, expected: "a list of integers") }
        return try items.map { item in
            guard case .number(let number) = item else {
                throw Diagnostic(.elementType(context: "\(function)(): '\(name)'", expected: "integers", got: item.typeName),
                                 at: range(of: name))
            }
            return try Integers.exact(number, what: "'\(name)'", at: range(of: name))
        }
    }

    /// `inputs=` / `outputs=`: none, a number (one axis) or a list (a shape), per example.
    func shape(_ name: String) throws -> [Int]? {
        switch value(name) {
        case .none: return nil
        case .number: return [try integer(name)]
        case .list: return try integers(name)
        default: throw mismatch(name, expected: "a number or a list of sizes per example")
        }
    }

    /// A network from `blueprint`, built at once when `inputs=` and `outputs=` are both given;
    /// `inputs=` alone says how to read each example (e.g. [8, 8] for 64 pixels).
    func makeNetwork(_ blueprint: Blueprint, seed: UInt64) throws -> Value {
        let inputs = try shape("inputs"), outputs = try shape("outputs")
        if inputs == nil, outputs != nil {
            throw invalid("outputs", "needs inputs= too (or leave both out and let the data decide)")
        }
        return .model(.network(try engine { try Network(blueprint, example: inputs, outputs: outputs, seed: seed) }))
    }

    /// Training data: a forecasting set (`windows(...)`) or a classification set.
    func taskData(_ name: String = "data") throws -> TaskData {
        switch value(name) {
        case .data(.forecasting(let set)): return .forecasting(set)
        case .data(.classification(let set)): return .classification(set)
        case .data(.series):
            throw invalid(name, "is a series: cut it into windows first, e.g. windows(series, window=48, horizon=12)")
        case .data(.forecastingSplit), .data(.classificationSplit):
            throw invalid(name, "is one split: train takes the whole set (it uses .train and .valid)")
        default:
            throw mismatch(name, expected: "a forecasting set (windows(...)) or a classification set")
        }
    }

    /// A split to score on: a split, or a whole set (its test split).
    func split(_ name: String) throws -> DataSplit {
        switch value(name) {
        case .data(.forecastingSplit(let split)): return .forecasting(split)
        case .data(.classificationSplit(let split)): return .classification(split)
        case .data(.forecasting(let set)): return .forecasting(set.test)
        case .data(.classification(let set)): return .classification(set.test)
        case .data(.series):
            throw invalid(name, "is a series: cut it into windows first, e.g. windows(series, window=48, horizon=12)")
        default:
            throw mismatch(name, expected: "a data split such as data.test")
        }
    }

    /// The network must already have met data of this split's shapes.
    func requireFits(_ network: Network, _ split: DataSplit, argument: String) throws {
        guard network.isBuilt else {
            throw invalid("model", "has not met data yet: train it first")
        }
        let example = Array(split.inputs.shape.dropFirst())
        guard example.reduce(1, *) == network.exampleShape?.reduce(1, *) else {
            throw invalid(argument, "has examples of shape \(example), but the network was built for \(network.exampleShape ?? [])")
        }
        if case .classification = split, network.outputShape?.count != 1 {
            throw invalid(argument, "is classification data, but the network was trained to forecast")
        }
        if case .forecasting = split, network.outputShape?.count == 1 {
            throw invalid(argument, "is forecasting data, but the network was trained to classify")
        }
    }
}
