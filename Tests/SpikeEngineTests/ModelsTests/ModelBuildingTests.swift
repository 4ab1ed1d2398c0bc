import XCTest

@testable import SpikeEngine

final class ModelBuildingTests: XCTestCase {
    let lif = try! LIF()

    func forecastBatch(_ batch: Int = 2) throws -> Tensor {
        try Tensor.randn([batch, 12, 3], seed: 4)
    }

    func output(of network: Network, _ input: Tensor) throws -> Tensor {
        let tape = Tape(recording: false)
        return try network.forward(tape.constant(input), in: ForwardContext(tape: tape, training: false)).value
    }

    func testEveryModelWithEveryEncodingGivesTargetShapedForecasts() throws {
        let encodings: [PositionalEncoding] = [
            .none, .standardCPG, .sinusoidal(base: 10_000), .relative,
            .randomCode(channels: 6, seed: 1), .learnable
        ]
        var specs: [ModelSpec] = []
        for encoding in encodings {
            specs.append(.spikformer(try SpikformerOptions(dim: 8, depth: 1, heads: 2, steps: 2, encoding: encoding, neuron: lif)))
            specs.append(.spikeRNN(try SpikeRNNOptions(hidden: 8, layers: 1, steps: 2, encoding: encoding, neuron: lif)))
            specs.append(.spikeTCN(try SpikeTCNOptions(channels: [4, 6], steps: 2, encoding: encoding, neuron: lif)))
            specs.append(.transformer(try TransformerOptions(dim: 8, depth: 1, heads: 2, encoding: encoding)))
        }
        specs.append(.iSpikformer(try ISpikformerOptions(dim: 8, depth: 1, heads: 2, steps: 2, neuron: lif)))
        specs.append(.mlpNet(try MLPNetOptions(hidden: [8])))
        specs.append(
            .spikformer(
                try SpikformerOptions(
                    dim: 8, depth: 1, heads: 2, steps: 2, encoding: .standardCPG,
                    neuron: lif, encodingInMLP: true)))
        for encoder in SpikeEncoder.Kind.allCases {
            specs.append(.spikeRNN(try SpikeRNNOptions(hidden: 8, layers: 1, steps: 3, encoder: encoder, neuron: lif)))
        }
        for spec in specs {
            let network = try Network(.model(spec), example: [12, 3], outputs: [4, 3])
            XCTAssertEqual(try output(of: network, try forecastBatch()).shape, [2, 4, 3], "\(spec)")
            XCTAssertGreaterThan(network.parameterCount, 0, "\(spec)")
        }
    }

    func testSpikformerParameterCountMatchesItsClosedForm() throws {
        let (t, c, d, h, n, out) = (4, 3, 16, 64, 10, 12)
        let network = try Network(
            .model(
                .spikformer(
                    try SpikformerOptions(
                        dim: d, depth: 2, heads: 4, steps: t, encoding: .standardCPG, neuron: lif))), example: [12, c], outputs: [4, c])
        let encoder = 3 * t + t + 2 * t  // conv 1 → T (kernel 3, bias) + batch norm
        let embedding = (c + n) * d + d  // W·[x; P] + b
        let attention = 4 * (d * d + d) + 4 * 2 * d  // q, k, v, projection + their batch norms
        let mlp = (d * h + h) + 2 * h + (h * d + d) + 2 * d
        let head = d * out + out
        XCTAssertEqual(network.parameterCount, encoder + embedding + 2 * (attention + mlp) + head)
    }

    func testSpikformerStagesFollowThePaperAndMarkTheBatchAxis() throws {
        let network = try Network(
            .model(
                .spikformer(
                    try SpikformerOptions(
                        dim: 8, depth: 1, heads: 2, steps: 4, encoding: .standardCPG, neuron: lif))), example: [12, 3], outputs: [4, 3])
        XCTAssertEqual(
            network.stages.map(\.name),
            [
                "conv_encoder", "positional(cpg) + linear", "lif", "block 1: ssa (residual)", "block 1: mlp (residual)",
                "mean_over(time)", "mean_over(length)", "linear (head)"
            ])
        XCTAssertEqual(network.stages[0].outputShape, [4, -1, 12, 3])
        XCTAssertEqual(network.stages[1].outputShape, [4, -1, 12, 8])
        XCTAssertEqual(network.stages.last?.outputShape, [-1, 12])
        XCTAssertEqual(network.stages[2].neurons, 12 * 8)
    }

    func testDigitsVectorsAreReadAsSequences() throws {
        let network = try Network(
            .model(.spikeRNN(try SpikeRNNOptions(hidden: 8, layers: 1, steps: 2, neuron: lif))),
            example: [64], outputs: [10])
        XCTAssertEqual(network.stages.first?.name, "as sequence")
        XCTAssertEqual(try output(of: network, try Tensor.randn([3, 64], seed: 1)).shape, [3, 10])
    }

    func testAComposedNetworkInfersItsWidthsFromTheData() throws {
        let blueprint = Blueprint.encoder(.conv, steps: 2, neuron: lif)
            .then(.positional(.standardCPG)).then(.linear(outputs: 6, bias: true)).then(.batchNorm).then(.neuron(lif))
            .then(.residual(.sequence([.linear(outputs: 6, bias: false), .neuron(lif)])))
            .then(.meanOver(.time)).then(.flatten).then(.linear(outputs: 12, bias: true))
        let network = try Network(blueprint, example: [12, 3], outputs: [4, 3])
        XCTAssertEqual(try output(of: network, try forecastBatch(5)).shape, [5, 4, 3])
        XCTAssertEqual(network.stages.first { $0.name == "flatten" }?.outputShape, [-1, 72])
    }

    func testAComposedNetworkOfTheWrongOutputSizeSaysHowToEndIt() throws {
        let blueprint = Blueprint.flatten.then(.linear(outputs: 5, bias: true))
        XCTAssertThrowsError(try Network(blueprint, example: [12, 3], outputs: [4, 3])) { error in
            guard case EngineError.value(let argument, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(argument, .network)
            XCTAssertTrue(message.contains("linear(12)"), message)
        }
    }

    func testAModelThatCannotTakeTheTaskSaysSo() throws {
        let model = Blueprint.model(.iSpikformer(try ISpikformerOptions(dim: 8, depth: 1, heads: 2, neuron: lif)))
        XCTAssertThrowsError(try Network(model, example: [64], outputs: [10])) { error in
            guard case EngineError.value(let argument, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(argument, .model)
        }
    }

    func testOptionsOutOfTheirDomainNameTheArgument() {
        let lif = self.lif
        let cases: [(EngineParameter, () throws -> Any)] = [
            (.dim, { try SpikformerOptions(dim: 0, neuron: lif) }),
            (.heads, { try SpikformerOptions(dim: 10, heads: 4, neuron: lif) }),
            (.steps, { try SpikeRNNOptions(steps: 0, neuron: lif) }),
            (.encodingInMLP, { try SpikformerOptions(dim: 8, heads: 2, encoding: .none, neuron: lif, encodingInMLP: true) }),
            (.channels, { try SpikeTCNOptions(channels: [], neuron: lif) }),
            (.hidden, { try MLPNetOptions(hidden: [0]) }),
            (.pairs, { try SpikeRNNOptions(encoding: .cpg(pairs: 0, tau: 1e4, threshold: 0.8, index: .rolling), neuron: lif) })
        ]
        for (argument, make) in cases {
            XCTAssertThrowsError(try make(), "\(argument)") { error in
                guard case EngineError.value(let named, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(named, argument)
            }
        }
    }

    func testACopyTrainsIndependently() throws {
        let network = try Network(.model(.mlpNet(try MLPNetOptions(hidden: [4]))), example: [12, 3], outputs: [4, 3])
        let copy = network.copy()
        var optimizer: any Optimizer = try Adam(learningRate: 0.1)
        _ = try Trainer.step(
            network, inputs: try forecastBatch(), targets: try Tensor.randn([2, 4, 3], seed: 9), loss: .mse, optimizer: &optimizer,
            clip: nil, seed: 0)
        XCTAssertNotEqual(network.parameters, copy.parameters)
        XCTAssertEqual(
            copy.parameters,
            try Network(
                .model(.mlpNet(try MLPNetOptions(hidden: [4]))),
                example: [12, 3], outputs: [4, 3]
            ).parameters)
    }
}
