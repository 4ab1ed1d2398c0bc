import TestSupport
import XCTest

@testable import SpikeEngine

final class LayerTests: XCTestCase {
    private func run(_ layer: any Layer, _ x: Tensor, training: Bool = false, seed: UInt64 = 0) throws -> (Tensor, ForwardContext) {
        let context = ForwardContext(tape: Tape(recording: training), training: training, seed: seed)
        return (try layer.forward(context.tape.constant(x), in: context).value, context)
    }

    func testACausalConvolutionNeverSeesTheFuture() throws {
        var generator = SeededGenerator(seed: 1)
        let conv = try Conv1d(inputs: 2, outputs: 3, kernel: 3, dilation: 2, causal: true, generator: &generator)
        let x = try Tensor.randn([1, 10, 2], seed: 2)
        var changed = x
        for c in 0..<2 { changed.scalars[6 * 2 + c] += 5 }  // perturb position 6
        let (before, _) = try run(conv, x)
        let (after, _) = try run(conv, changed)
        XCTAssertEqual(before.shape, [1, 10, 3])
        XCTAssertEqual(Array(before.scalars[0..<(6 * 3)]), Array(after.scalars[0..<(6 * 3)]))
        XCTAssertNotEqual(Array(before.scalars[(6 * 3)...]), Array(after.scalars[(6 * 3)...]))
    }

    func testAConvolutionWithKernelOneIsALinearLayer() throws {
        var generator = SeededGenerator(seed: 3)
        let conv = try Conv1d(inputs: 3, outputs: 2, kernel: 1, generator: &generator)
        let linear = try Linear(weight: conv.weight, bias: conv.bias)
        let x = try Tensor.randn([2, 5, 3], seed: 4)
        XCTAssertEqual(try run(conv, x).0, try run(linear, x).0)
    }

    func testBatchNormNormalizesInTrainingAndMovesItsRunningAverages() throws {
        let norm = try BatchNorm(features: 2)
        let x = try Tensor(shape: [4, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        let (y, context) = try run(norm, x, training: true)
        let column0 = stride(from: 0, to: 8, by: 2).map { Double(y.scalars[$0]) }
        XCTAssertEqual(column0.reduce(0, +), 0, accuracy: 1e-5)
        XCTAssertEqual(column0.map { $0 * $0 }.reduce(0, +) / 4, 1, accuracy: 1e-4)
        // running = 0.9·old + 0.1·batch; unbiased variances 5/3 and 500/3.
        assertClose(context.updatedBuffers[0].scalars.map(Double.init), [0.25, 2.5], absolute: 1e-6)
        assertClose(context.updatedBuffers[1].scalars.map(Double.init), [0.9 + 0.1 * 5 / 3, 0.9 + 0.1 * 500 / 3], absolute: 1e-4)
        var trained = norm
        trained.buffers = context.updatedBuffers
        let (inference, _) = try run(trained, x)
        let expected = (1 - 0.25) / (0.9 + 0.1 * 5.0 / 3 + 1e-5).squareRoot()
        XCTAssertEqual(Double(inference.scalars[0]), expected, accuracy: 1e-5)
    }

    func testDropoutIsSeededInTrainingAndTheIdentityInInference() throws {
        let dropout = try Dropout(rate: 0.5)
        let x = try Tensor.ones([1000])
        let (a, _) = try run(dropout, x, training: true, seed: 7)
        let (b, _) = try run(dropout, x, training: true, seed: 7)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.scalars.allSatisfy { $0 == 0 || $0 == 2 })
        XCTAssertEqual(Double(a.scalars.filter { $0 == 0 }.count) / 1000, 0.5, accuracy: 0.06)
        XCTAssertEqual(try run(dropout, x).0, x)
        XCTAssertThrowsError(try Dropout(rate: 1)) { error in
            guard case .value(argument: .dropoutRate, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testCPGPositionalLayerEqualsALinearLayerOverTheConcatenatedCode() throws {
        var generator = SeededGenerator(seed: 5)
        let pe = PositionalEncoding.standardCPG
        let layer = try Positional(pe, features: 6, outputs: 4, neuron: try LIF(), generator: &generator)
        let (t, b, l) = (2, 3, 5)
        let x = try Tensor.randn([t, b, l, 6], seed: 6)
        let (y, _) = try run(layer, x)
        // Reference: build [x ; P] explicitly with P indexed at p = t·L + l, then one linear layer.
        let code = try pe.encode(length: l, steps: t)
        let broadcastCode = try Tensor.zeros([t, b, l, 10]) + code.reshaped([t, 1, l, 10])
        let joined = try Tensor.concatenate([x, broadcastCode], axis: 3)
        let weight = try Tensor.concatenate([layer.parameters[0], layer.parameters[1]], axis: 0)
        let (expected, _) = try run(try Linear(weight: weight, bias: layer.parameters[2]), joined)
        assertClose(y.scalars.map(Double.init), expected.scalars.map(Double.init), absolute: 1e-5)
    }

    func testLearnablePositionalRowsAreIndexedByPositionNotByBatch() throws {
        var generator = SeededGenerator(seed: 8)
        let layer = try Positional(.learnable, features: 3, maxLength: 10, neuron: try LIF(), generator: &generator)
        let x = try Tensor.zeros([2, 4, 5, 3])
        let (y, _) = try run(layer, x)
        let table = layer.parameters[0]
        for t in 0..<2 {
            for batch in 0..<4 {
                for position in 0..<5 {
                    for f in 0..<3 {
                        XCTAssertEqual(try y.scalar(at: [t, batch, position, f]), try table.scalar(at: [position, f]))
                    }
                }
            }
        }
        XCTAssertThrowsError(try run(layer, try Tensor.zeros([1, 1, 11, 3]))) { error in
            guard case .value(argument: .length, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testSinusoidalAndRelativePositionalLayersKeepTheShape() throws {
        var generator = SeededGenerator(seed: 9)
        let x = try Tensor.randn([2, 2, 6, 4], seed: 10)
        for pe in [PositionalEncoding.sinusoidal(base: 10_000), .relative, .none, .randomCode(channels: 5, seed: 1)] {
            let layer = try Positional(pe, features: 4, neuron: try LIF(), generator: &generator)
            XCTAssertEqual(try run(layer, x, training: true).0.shape, [2, 2, 6, 4], "\(pe)")
        }
        let sinusoidal = try Positional(.sinusoidal(base: 10_000), features: 4, neuron: try LIF(), generator: &generator)
        let (y, _) = try run(sinusoidal, try Tensor.zeros([1, 1, 3, 4]))
        XCTAssertEqual(Double(try y.scalar(at: [0, 0, 2, 0])), sin(2.0), accuracy: 1e-6)
    }

    func testSpikingSelfAttentionKeepsTheShapeAndPassesGradientsToEveryParameter() throws {
        var generator = SeededGenerator(seed: 11)
        let attention = try SpikingSelfAttention(features: 8, heads: 2, neuron: try LIF(), generator: &generator)
        let x = try Tensor.randn([2, 3, 5, 8], seed: 12) + 1
        let context = ForwardContext(tape: Tape(), training: true)
        let input = context.tape.parameter(x)
        let y = try attention.forward(input, in: context)
        XCTAssertEqual(y.shape, [2, 3, 5, 8])
        XCTAssertTrue(y.value.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        XCTAssertEqual(context.boundParameters.count, attention.parameters.count)
        XCTAssertEqual(context.updatedBuffers.count, attention.buffers.count)
        let gradients = try context.tape.gradients(of: y)
        for (bound, parameter) in zip(context.boundParameters, attention.parameters) {
            XCTAssertEqual(gradients[bound].shape, parameter.shape)
        }
        XCTAssertGreaterThan(gradients[input].scalars.map(abs).max() ?? 0, 0)
        XCTAssertThrowsError(try SpikingSelfAttention(features: 8, heads: 3, neuron: try LIF(), generator: &generator)) { error in
            guard case .value(argument: .heads, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testAttentionIsTheScaledSpikeCoincidenceCountWithoutSoftmax() throws {
        // One head, one step: attention V with binary Q, K, V equals (Q Kᵀ)·scale·V computed by hand.
        let tape = Tape(recording: false)
        let q = try Tensor(shape: [1, 1, 1, 2, 2], scalars: [1, 0, 1, 1])
        let k = try Tensor(shape: [1, 1, 1, 2, 2], scalars: [1, 1, 0, 1])
        let v = try Tensor(shape: [1, 1, 1, 2, 2], scalars: [1, 0, 0, 1])
        let scores = tape.scale(try tape.matmul(tape.constant(q), tape.transpose(tape.constant(k))), by: 0.125)
        XCTAssertEqual(scores.value.scalars, [0.125, 0, 0.25, 0.125])
        XCTAssertEqual(try tape.matmul(scores, tape.constant(v)).value.scalars, [0.125, 0, 0.25, 0.125])
    }

    func testMeanOverTimeAndLengthAndFlattenGiveTheReadoutShapes() throws {
        let x = try Tensor.randn([4, 2, 3, 5], seed: 13)
        let (overTime, _) = try run(MeanOver(.time), x)
        XCTAssertEqual(overTime.shape, [2, 3, 5])
        let (overLength, _) = try run(MeanOver(.length), overTime)
        XCTAssertEqual(overLength.shape, [2, 5])
        XCTAssertEqual(try run(Flatten(), overTime).0.shape, [2, 15])
    }

    func testSequentialAndResidualAlignParametersWithTheirBindings() throws {
        var generator = SeededGenerator(seed: 14)
        let mlp = try MLPBlock(features: 4, hidden: 8, neuron: try LIF(), generator: &generator)
        let network = Sequential([Residual(mlp), MeanOver(.time)])
        let context = ForwardContext(tape: Tape(), training: true)
        _ = try network.forward(context.tape.constant(try Tensor.randn([2, 3, 5, 4], seed: 15)), in: context)
        XCTAssertEqual(context.boundParameters.map(\.shape), network.parameters.map(\.shape))
        XCTAssertEqual(context.updatedBuffers.map(\.shape), network.buffers.map(\.shape))
        var copy = network
        copy.parameters = network.parameters.map { $0 * 2 }
        XCTAssertEqual(copy.parameters[0], network.parameters[0] * 2)
    }

    func testConvolutionMatchesItsDefiningSumWithDilationAndPadding() throws {
        var generator = SeededGenerator(seed: 16)
        let conv = try Conv1d(inputs: 2, outputs: 3, kernel: 3, dilation: 2, generator: &generator)
        let x = try Tensor.randn([2, 9, 2], seed: 17)
        let (y, _) = try run(conv, x)
        XCTAssertEqual(y.shape, [2, 9, 3])
        let (left, _) = conv.padding
        XCTAssertEqual(left, 2)
        for n in 0..<2 {
            for o in 0..<9 {
                for out in 0..<3 {
                    var sum = Double(conv.bias?.scalars[out] ?? 0)
                    for j in 0..<3 {
                        let position = o + j * 2 - left
                        guard position >= 0, position < 9 else { continue }
                        for c in 0..<2 {
                            sum += Double(try x.scalar(at: [n, position, c])) * Double(try conv.weight.scalar(at: [j * 2 + c, out]))
                        }
                    }
                    XCTAssertEqual(Double(try y.scalar(at: [n, o, out])), sum, accuracy: 1e-5)
                }
            }
        }
    }

    func testLayerGradientsReachTheirParametersAsFiniteDifferencesSay() throws {
        var generator = SeededGenerator(seed: 18)
        let x = try Tensor.randn([2, 2, 4, 3], seed: 19)
        let layers: [any Layer] = [
            try Linear(inputs: 3, outputs: 2, generator: &generator),
            try Conv1d(inputs: 3, outputs: 2, kernel: 2, dilation: 2, causal: true, generator: &generator),
            try Positional(.standardCPG, features: 3, outputs: 2, neuron: try LIF(), generator: &generator),
            try Positional(.learnable, features: 3, maxLength: 6, neuron: try LIF(), generator: &generator),
            try BatchNorm(features: 3),
            try LayerNorm(features: 3)
        ]
        for layer in layers {
            for training in [true, false] {
                try assertLayerGradientsMatchFiniteDifferences(layer, input: x, training: training)
            }
        }
    }
}
