import XCTest

@testable import SpikeEngine

final class ModelPartsTests: XCTestCase {
    var generatorForTests = SeededGenerator(seed: 11)

    func testTheRepeatEncoderFeedsTheSameWindowAtEveryStep() throws {
        let lif = try LIF()
        var generator = SeededGenerator(seed: 0)
        let encoder = try SpikeEncoder(.repeat, steps: 5, neuron: lif, generator: &generator)
        let x = try Tensor.uniform([2, 3, 4], low: 0, high: 3, generator: &generator)
        let tape = Tape(recording: false)
        let spikes = try encoder.forward(tape.constant(x), in: ForwardContext(tape: tape, training: false)).value
        let repeated = try Tensor(shape: [5, 2, 3, 4], scalars: Array([[Float]](repeating: x.scalars, count: 5).joined()))
        XCTAssertEqual(spikes, try lif.run(repeated))
    }

    func testDeltaEncodingStartsFromZeroDifferences() throws {
        let x = try Tensor(shape: [1, 3, 2], scalars: [1, 10, 4, 8, 4, 9])
        XCTAssertEqual(try SpikeEncoder.differences(x).scalars, [0, 0, 3, -2, 0, 1])
    }

    func testEveryEncoderMakesTimeTheFirstAxis() throws {
        var generator = SeededGenerator(seed: 1)
        for kind in SpikeEncoder.Kind.allCases {
            let encoder = try SpikeEncoder(kind, steps: 4, neuron: try LIF(), generator: &generator)
            let tape = Tape()
            let y = try encoder.forward(
                tape.constant(try Tensor.randn([2, 7, 3], seed: 2)),
                in: ForwardContext(tape: tape, training: true))
            XCTAssertEqual(y.shape, [4, 2, 7, 3], kind.rawValue)
            XCTAssertTrue(y.value.scalars.allSatisfy { $0 == 0 || $0 == 1 }, kind.rawValue)
        }
    }

    func testSoftmaxGradientMatchesFiniteDifferences() throws {
        try assertGradientsMatchFiniteDifferences([try Tensor.randn([2, 3, 5], seed: 3)]) { tape, inputs in
            try tape.softmax(inputs[0])
        }
    }

    func testSoftmaxRowsSumToOne() throws {
        let tape = Tape(recording: false)
        let y = try tape.softmax(tape.constant(try Tensor(shape: [2, 3], scalars: [1, 2, 3, 1000, 1000, -5])))
        XCTAssertEqual(Double(y.value.scalars[0...2].reduce(0, +)), 1, accuracy: 1e-6)
        XCTAssertEqual(Double(y.value.scalars[3]), 0.5, accuracy: 1e-6)
    }

    func testFloatAttentionParameterGradientsMatchFiniteDifferences() throws {
        var generator = SeededGenerator(seed: 6)
        let attention = try SoftmaxAttention(features: 4, heads: 2, generator: &generator)
        try assertLayerGradientsMatchFiniteDifferences(attention, input: try Tensor.randn([1, 2, 3, 4], seed: 8))
    }

    func testLayerNormParameterGradientsMatchFiniteDifferences() throws {
        try assertLayerGradientsMatchFiniteDifferences(
            Sequential([try LayerNorm(features: 4), try Linear(inputs: 4, outputs: 3, generator: &generatorForTests)]),
            input: try Tensor.randn([3, 5, 4], seed: 2))
    }

    func testFloatTransformerParameterGradientsMatchFiniteDifferences() throws {
        let network = try Network(
            .model(.transformer(try TransformerOptions(dim: 4, depth: 1, heads: 2))),
            example: [5, 2], outputs: [2, 2])
        // A small step keeps the probes clear of the feed-forward ReLU's kinks.
        try assertLayerGradientsMatchFiniteDifferences(
            Sequential(network.stages.map(\.layer)),
            input: try Tensor.randn([3, 5, 2], seed: 2), step: 1e-3,
            absolute: 4e-3)
    }
}
