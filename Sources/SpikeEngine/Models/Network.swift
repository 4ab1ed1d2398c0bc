/// A network: a blueprint plus, once it has met data, its built layers and weights.
///
/// Networks are the one mutable kind of value in Spike: training updates the weights in
/// place, and `copy()` makes an independent network. Sizes are fixed when the network is
/// first built — by `prepare(example:outputs:seed:)`, which training and prediction call with
/// the data's shapes, or up front by giving `inputs`/`outputs`.
///
///     let net = Network(.model(.spikeRNN(try SpikeRNNOptions(hidden: 64, neuron: try LIF()))))
///     try net.prepare(example: [48, 8], outputs: [12, 8], seed: 0)   // window 48 × 8 variates → 12 × 8
///     net.stages.map(\.name)   // ["conv_encoder", "linear", "lif", ..., "linear (head)"]
public final class Network {
    public let blueprint: Blueprint
    /// The built stages (empty until the network has met data).
    public private(set) var stages: [Stage] = []
    /// The shape of one example the network was built for (no batch axis).
    public private(set) var exampleShape: [Int]?
    /// The shape of one example's output (the targets' shape; `[classes]` for classification).
    public private(set) var outputShape: [Int]?
    /// The seed the weights were initialised from.
    public private(set) var initialSeed: UInt64?
    /// How the network reads each example when that differs from the data's layout (e.g.
    /// [8, 8] for a digit given as 64 pixels: 8 positions of 8 features); nil: as given.
    public private(set) var requestedExample: [Int]?
    /// The normalization of the forecasting data it last trained on (for `predict` in
    /// original units).
    public internal(set) var dataNormalizer: Normalizer?

    /// An unbuilt network; with `example` and `outputs` it is built at once from `seed`; with
    /// `example` alone, it reads each example of the data it meets as that shape (same count).
    public init(_ blueprint: Blueprint, example: [Int]? = nil, outputs: [Int]? = nil, seed: UInt64 = 0) throws {
        self.blueprint = blueprint
        requestedExample = example
        if let example, let outputs { try prepare(example: example, outputs: outputs, seed: seed) }
    }

    private init(copying other: Network) {
        blueprint = other.blueprint
        stages = other.stages
        exampleShape = other.exampleShape
        outputShape = other.outputShape
        initialSeed = other.initialSeed
        requestedExample = other.requestedExample
        dataNormalizer = other.dataNormalizer
    }

    /// An independent network with the same blueprint and (if built) the same weights.
    public func copy() -> Network {
        Network(copying: self)
    }

    /// A fresh, unbuilt network with the same blueprint.
    public func fresh() -> Network {
        recipe.network()
    }

    /// What `fresh()` builds from, as a value another thread can build it from.
    struct Recipe: Sendable {
        let blueprint: Blueprint
        let requestedExample: [Int]?

        /// A fresh, unbuilt network.
        func network() -> Network {
            let network = Network(unbuiltFrom: blueprint)
            network.requestedExample = requestedExample
            return network
        }
    }

    var recipe: Recipe { Recipe(blueprint: blueprint, requestedExample: requestedExample) }

    /// An unbuilt network of `blueprint` (sizes come from the first data it meets).
    public init(unbuiltFrom blueprint: Blueprint) {
        self.blueprint = blueprint
    }

    public var isBuilt: Bool { !stages.isEmpty }

    /// Builds the network for examples of shape `example` and outputs of shape `outputs`,
    /// initialising weights from `seed`; a built network only checks that the shapes agree.
    ///
    /// Throws `.value(argument: .data)` when a built network meets data of other shapes,
    /// and the builders' errors (naming the option) when the blueprint does not fit the data.
    public func prepare(example data: [Int], outputs: [Int], seed: UInt64) throws {
        var example = data
        if let requestedExample {
            guard requestedExample.reduce(1, *) == data.reduce(1, *) else {
                throw EngineError.value(
                    argument: .inputs,
                    message:
                        "\(requestedExample) holds \(requestedExample.reduce(1, *)) numbers per example but the data has \(data) (\(data.reduce(1, *)))"
                )
            }
            example = requestedExample
        }
        if isBuilt {
            guard example == exampleShape, outputs == outputShape else {
                throw EngineError.value(
                    argument: .data,
                    message:
                        "the network was built for examples \(exampleShape ?? []) → \(outputShape ?? []); this data has \(example) → \(outputs) (use a new network or copy of the blueprint)"
                )
            }
            return
        }
        guard !example.isEmpty, example.allSatisfy({ $0 >= 1 }), outputs.allSatisfy({ $0 >= 1 }) else {
            throw EngineError.value(argument: .data, message: "examples \(example) → \(outputs) must have positive sizes")
        }
        let count = outputs.reduce(1, *)
        var builder = StageBuilder(example: example, generator: SeededGenerator(seed: seed))
        try builder.build(blueprint, outputs: count)
        guard builder.perExample == count else {
            throw EngineError.value(
                argument: .network,
                message:
                    "gives \(builder.perExample) numbers per example (shape \(builder.shape)) but the targets need \(count) (shape \(outputs)); "
                    + (builder.remainingAxes.isEmpty
                        ? "end it with linear(\(count))"
                        : "average what is left with \(builder.remainingAxes.joined(separator: " and ")) before a final linear(\(count))"))
        }
        stages = builder.stages
        exampleShape = example
        outputShape = outputs
        initialSeed = seed
    }

    /// The trainable tensors of every stage, in order.
    public var parameters: [Tensor] {
        get { stages.flatMap { $0.layer.parameters } }
        set {
            let parts = Self.split(newValue, into: stages.map { $0.layer.parameters.count })
            for index in stages.indices { stages[index].layer.parameters = parts[index] }
        }
    }

    /// The non-trainable state (batch-norm running statistics), in order.
    public var buffers: [Tensor] {
        get { stages.flatMap { $0.layer.buffers } }
        set {
            let parts = Self.split(newValue, into: stages.map { $0.layer.buffers.count })
            for index in stages.indices { stages[index].layer.buffers = parts[index] }
        }
    }

    /// `values` cut into consecutive runs of `counts` tensors, one run per stage.
    private static func split(_ values: [Tensor], into counts: [Int]) -> [[Tensor]] {
        var start = 0
        return counts.map { count in
            defer { start += count }
            return Array(values[start..<(start + count)])
        }
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { stages.reduce(0) { $0 + $1.parameterCount } }

    /// The number of spiking neurons per example.
    public var neuronCount: Int { stages.reduce(0) { $0 + $1.neurons } }

    /// The forward pass of a batch [B] + exampleShape → [B] + outputShape on `context`'s tape.
    /// `observe`, if given, sees each stage's input and output (for firing rates).
    public func forward(
        _ input: Variable, in context: ForwardContext, observe: ((Int, Tensor, Tensor) -> Void)? = nil
    ) throws -> Variable {
        guard let exampleShape, let outputShape else {
            throw EngineError.value(argument: .network, message: "it has not met data yet: train it first, or give inputs= and outputs=")
        }
        guard let batch = input.shape.first, input.value.count == batch * exampleShape.reduce(1, *) else {
            throw EngineError.shape(operation: "network input", first: input.shape, second: [-1] + exampleShape)
        }
        var x = Array(input.shape.dropFirst()) == exampleShape ? input : try context.tape.reshape(input, [batch] + exampleShape)
        var index = 0
        while index < stages.count {
            try context.checkCancellation()
            // A (layer, neuron) pair runs fused unless someone watches the stage in between.
            if observe == nil, let fusable = stages[index].layer as? any NeuronFusable, index + 1 < stages.count,
                let neuron = stages[index + 1].layer as? any Neuron
            {
                x = try fusable.forward(x, firing: neuron, in: context)
                index += 2
                continue
            }
            let y = try stages[index].layer.forward(x, in: context)
            observe?(index, x.value, y.value)
            x = y
            index += 1
        }
        return try context.tape.reshape(x, [batch] + outputShape)
    }
}
