import SpikeEngine

/// The kinds of argument models and training take: networks, encodings, data, shapes.
extension ArgumentKind where T == Network {
    /// A network argument (a model or a `>>` composition; single layers are immutable blueprints).
    static var network: ArgumentKind<Network> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .model(.network(let network)): return network
                case .blueprint, .neuron:
                    throw site.invalid(
                        "is a single layer: compose layers into a network with >> (e.g. conv_encoder() >> ... >> linear(12)) or use a model such as spikformer()"
                    )
                default: throw site.mismatch(value, expected: "a network such as spikformer() or a composition made with >>")
                }
            }, encode: { .model(.network($0)) })
    }
}

extension ArgumentKind where T == PositionalEncoding {
    /// `pe=` of a model: an encoding such as cpg(), or none.
    static var modelEncoding: ArgumentKind<PositionalEncoding> {
        .encoding(expected: "a positional encoding such as cpg(), or none")
    }
}

extension ArgumentKind where T == [Int]? {
    /// `inputs=` / `outputs=`: none, a number (one axis) or a list (a shape), per example.
    static var exampleShape: ArgumentKind<[Int]?> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .none: return nil
                case .number: return [try ArgumentKind<Int>.integer.read(value, site)]
                case .list: return try ArgumentKind<[Int]>.integers.read(value, site)
                default: throw site.mismatch(value, expected: "a number or a list of sizes per example")
                }
            }, encode: { $0.map { .list(ValueList($0.map { .number(Double($0)) })) } ?? Value.none }, acceptsNone: true)
    }
}

extension ArgumentKind where T == TaskData {
    /// Training data: a forecasting set (`windows(...)`) or a classification set.
    static var taskData: ArgumentKind<TaskData> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .data(.forecasting(let set)): return .forecasting(set)
                case .data(.classification(let set)): return .classification(set)
                case .data(.series):
                    throw site.invalid("is a series: cut it into windows first, e.g. windows(series, window=48, horizon=12)")
                case .data(.forecastingSplit), .data(.classificationSplit):
                    throw site.invalid("is one split: train takes the whole set (it uses .train and .valid)")
                default:
                    throw site.mismatch(value, expected: "a forecasting set (windows(...)) or a classification set")
                }
            }, encode: nil)
    }
}

extension ArgumentKind where T == DataSplit {
    /// A split to score on: a split, or a whole set (its test split).
    static var split: ArgumentKind<DataSplit> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .data(.forecastingSplit(let split)): return .forecasting(split)
                case .data(.classificationSplit(let split)): return .classification(split)
                case .data(.forecasting(let set)): return .forecasting(set.test)
                case .data(.classification(let set)): return .classification(set.test)
                case .data(.series):
                    throw site.invalid("is a series: cut it into windows first, e.g. windows(series, window=48, horizon=12)")
                default:
                    throw site.mismatch(value, expected: "a data split such as data.test")
                }
            }, encode: nil)
    }

    /// One split and only a split (what `evaluate` scores): a whole set is an error that asks
    /// for `data.test` or `data.valid`, since scoring silently on the test split hides which
    /// one the number is about.
    static var chosenSplit: ArgumentKind<DataSplit> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .data(.forecasting), .data(.classification):
                    throw site.invalid("is a whole data set: pick the split to score on, data.test or data.valid")
                default:
                    return try ArgumentKind.split.read(value, site)
                }
            }, encode: nil)
    }
}

/// `inputs=` and `outputs=`, which every model takes.
struct ShapeParameters {
    let inputs: Param<[Int]?>
    let outputs: Param<[Int]?>

    init(_ p: Declarations) {
        inputs = p.declare("inputs", .exampleShape, doc: "the shape of one example (e.g. [8, 8]); none: fixed by the data")
        outputs = p.declare("outputs", .exampleShape, doc: "the shape of one output; none: fixed by the data")
    }

    /// A network from `blueprint`, built at once when `inputs=` and `outputs=` are both given;
    /// `inputs=` alone says how to read each example (e.g. [8, 8] for 64 pixels).
    func makeNetwork(_ blueprint: Blueprint, _ arguments: Arguments, seed: UInt64) throws -> Value {
        let inputs = try arguments[inputs]
        let outputs = try arguments[outputs]
        if inputs == nil, outputs != nil {
            throw arguments.invalid(self.outputs, "needs inputs= too (or leave both out and let the data decide)")
        }
        return .model(.network(try arguments.engine { try Network(blueprint, example: inputs, outputs: outputs, seed: seed) }))
    }
}

extension Arguments {
    /// The network must already have met data of this split's shapes.
    func requireFits<D>(_ network: Network, _ split: DataSplit, model: Param<Network>, data: Param<D>) throws {
        guard network.isBuilt else {
            throw invalid(model, "has not met data yet: train it first")
        }
        let example = Array(split.inputs.shape.dropFirst())
        guard example.reduce(1, *) == network.exampleShape?.reduce(1, *) else {
            throw invalid(data, "has examples of shape \(example), but the network was built for \(network.exampleShape ?? [])")
        }
        if case .classification = split, network.outputShape?.count != 1 {
            throw invalid(data, "is classification data, but the network was trained to forecast")
        }
        if case .forecasting = split, network.outputShape?.count == 1 {
            throw invalid(data, "is forecasting data, but the network was trained to classify")
        }
    }
}

extension ArgumentKind where T == Double {
    /// A dropout rate: a number in [0, 1).
    static var probability: ArgumentKind<Double> {
        number.checked { $0 >= 0 && $0 < 1 ? nil : "must lie in [0, 1), got \(ValueText.number($0))" }
    }
}
