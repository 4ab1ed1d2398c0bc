import Foundation
import TestSupport
import XCTest

@testable import SpikeEngine

/// The positional-encoding details of the SeqSNN reference code (docs/science.md §6) against
/// the reference modules themselves, run in PyTorch by scripts/golden_reference_pe.py.
///
/// Both sides compute in Float32; spike codes and sums of spikes are exact, linear outputs
/// agree to 1e-5 (the reference adds two biases after two products, Spike folds them into one).
final class ReferencePEGoldenTests: XCTestCase {
    private struct Golden: Decodable {
        struct Parameter: Decodable {
            let name: String
            let shape: [Int]
        }
        struct SpikeRNNCase: Decodable {
            let peType: String
            let pairs, variates, hidden, layers, steps, window, horizon, outputSize: Int
            let parameters: [Parameter]
        }
        struct AddCase: Decodable {
            let variates: Int
            let tau: Double
            let shape: [Int]
            let x, output: [Float]
        }
        struct AddSection: Decodable {
            struct Encoder: Decodable {
                let variates, dim: Int
                let weight: [Int]
            }
            let cases: [AddCase]
            let spikformerEncoder: Encoder
        }
        struct DropoutCase: Decodable {
            let peType, peMode: String
            let dropoutModules, entries, width: Int
            let zeroedFraction, zeroedFractionInput, survivorScaleMin, survivorScaleMax: Double
        }
        struct CPGLinear: Decodable {
            let steps, batch, length, inputs, outputs, cpgChannels: Int
            let cpgWMax: Double
            let x, inpWeight, inpBias, cpgWeight, cpgBias, output: [Float]
            let spikformerCpgWeights: [String: [Int]]
        }
        let spikeRnn: [SpikeRNNCase]
        let cpgAdd: AddSection
        let dropout: [DropoutCase]
        let cpgLinear: CPGLinear
    }

    private func golden() throws -> Golden {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/reference_pe.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Golden.self, from: Data(contentsOf: url))
    }

    private let lif = try! LIF()

    // MARK: - SpikeRNN widening

    func testWidenedSpikeRNNHasTheReferenceModelsParameterCountsLayerByLayer() throws {
        for c in try golden().spikeRnn {
            let encoding: PositionalEncoding =
                c.peType == "none" ? .none : .cpg(pairs: c.pairs, tau: 1000, threshold: 0.8, index: .rolling)
            let options = try SpikeRNNOptions(
                hidden: c.hidden, layers: c.layers, steps: c.steps, encoding: encoding, widen: true, neuron: lif)
            XCTAssertEqual(options.width, c.outputSize, c.peType)
            let network = try Network(.model(.spikeRNN(options)), example: [c.window, c.variates], outputs: [c.horizon, c.variates])
            // The reference's modules in order (temporal_encoder, encoder, net.i, fc_out), each one's scalars.
            var groups: [(String, Int)] = []
            for parameter in c.parameters {
                let module = parameter.name.split(separator: ".").prefix(parameter.name.hasPrefix("net.") ? 2 : 1).joined(separator: ".")
                let count = parameter.shape.reduce(1, *)
                if let last = groups.last, last.0 == module { groups[groups.count - 1].1 += count } else { groups.append((module, count)) }
            }
            let stages = network.stages.map(\.parameterCount).filter { $0 > 0 }
            XCTAssertEqual(stages, groups.map(\.1), "\(c.peType), pairs \(c.pairs): \(groups)")
            XCTAssertEqual(network.stages.last?.inputShape.last, c.outputSize, "the head reads hidden + n features")
        }
    }

    func testSpikeRNNKeepsItsWidthUnlessAskedToWiden() throws {
        let code = PositionalEncoding.cpg(pairs: 20, tau: 1000, threshold: 0.8, index: .rolling)
        XCTAssertEqual(try SpikeRNNOptions(hidden: 16, encoding: code, neuron: lif).width, 16)
        XCTAssertEqual(try SpikeRNNOptions(hidden: 16, encoding: code, widen: true, neuron: lif).width, 56)
        XCTAssertEqual(try SpikeRNNOptions(hidden: 16, encoding: .sinusoidal(base: 10_000), widen: true, neuron: lif).width, 16)
    }

    // MARK: - CPG-PE added

    func testAddedCPGEqualsTheReferenceNeuronPEInAddModeExactly() throws {
        let section = try golden().cpgAdd
        XCTAssertEqual(section.cases.map(\.variates), [1, 5, 5])
        for c in section.cases {
            var generator = SeededGenerator(seed: 0)
            let layer = try Positional(
                .cpgAdded(tau: c.tau, threshold: 0.8, index: .rolling), features: c.variates, neuron: lif, generator: &generator)
            let context = ForwardContext(tape: Tape(recording: false), training: false)
            let y = try layer.forward(context.tape.constant(try Tensor(shape: c.shape, scalars: c.x)), in: context)
            XCTAssertEqual(y.shape, c.shape)
            XCTAssertEqual(y.value.scalars, c.output, "C = \(c.variates), tau = \(c.tau)")
        }
    }

    func testSpikformerWithAnAddedCPGEmbedsTheInputWidthAsTheReference() throws {
        let encoder = try golden().cpgAdd.spikformerEncoder
        let options = try SpikformerOptions(
            dim: encoder.dim, depth: 1, heads: 2, steps: 4, encoding: .cpgAdded(tau: 10_000, threshold: 0.8, index: .rolling), neuron: lif)
        let network = try Network(.model(.spikformer(options)), example: [24, encoder.variates], outputs: [4, encoder.variates])
        let linear = try XCTUnwrap(network.stages.first { $0.name == "linear" }?.layer as? Linear)
        XCTAssertEqual(linear.weight.shape, encoder.weight.reversed(), "Spike stores [in, out], PyTorch [out, in]")
        XCTAssertEqual(network.stages.map(\.name).filter { $0.hasPrefix("positional") }, ["positional(cpg, add)"])
    }

    // MARK: - Dropout inside the encodings

    /// Entries of `reference` (dropout off) that `dropped` zeroed, and the ratios of the others.
    private func masks(_ reference: [Float], _ dropped: [Float]) -> (live: Int, zeroed: Int, ratios: [Float]) {
        var (live, zeroed, ratios) = (0, 0, [Float]())
        for (r, d) in zip(reference, dropped) where r != 0 {
            live += 1
            if d == 0 { zeroed += 1 } else { ratios.append(d / r) }
        }
        return (live, zeroed, ratios)
    }

    /// The layer's output in training with dropout `rate` (weights from seed 1, masks from `seed`).
    private func output(_ encoding: PositionalEncoding, rate: Double, training: Bool, x: Tensor, seed: UInt64 = 5) throws -> [Float] {
        var generator = SeededGenerator(seed: 1)
        let features = x.shape[3]
        var layer = try Positional(
            encoding, features: features, outputs: features + (encoding.fixedChannels ?? 0), dropout: rate, neuron: lif,
            generator: &generator)
        if case .concatenate = layer.part {
            // Identity weights make the output [x' ; P'], the dropped input itself.
            let n = encoding.fixedChannels ?? 0
            let width = features + n
            var wx = [Float](repeating: 0, count: features * width)
            for i in 0..<features { wx[i * width + i] = 1 }
            var wp = [Float](repeating: 0, count: n * width)
            for i in 0..<n { wp[i * width + features + i] = 1 }
            layer.parameters = [
                try Tensor(shape: [features, width], scalars: wx), try Tensor(shape: [n, width], scalars: wp), try Tensor.zeros([width])
            ]
        }
        let context = ForwardContext(tape: Tape(recording: false), training: training, seed: seed)
        let y = try layer.forward(context.tape.constant(x), in: context)
        if case .relative = encoding { return try (y.value - x).scalars }  // the added arm
        return y.value.scalars
    }

    func testPEDropoutZeroesTheReferencesShareOfEveryArmInTrainingAndScalesTheRest() throws {
        let cases = try golden().dropout
        let spike: [String: PositionalEncoding] = [
            "neuron/concat": .cpg(pairs: 5, tau: 10_000, threshold: 0.8, index: .rolling),
            "neuron/add": .cpgAdded(tau: 10_000, threshold: 0.8, index: .rolling),
            "random/concat": .randomCode(channels: 10, seed: 0),
            "static/add": .sinusoidal(base: 10_000),
            "conv/add": .relative
        ]
        let x = try Tensor.randn([4, 16, 48, 8], seed: 9).map { $0 > 0 ? 3 : 1 }
        for c in cases where c.dropoutModules > 0 {
            let encoding = try XCTUnwrap(spike["\(c.peType)/\(c.peMode)"], c.peType)
            let reference = try output(encoding, rate: 0, training: true, x: x)
            let dropped = try output(encoding, rate: 0.1, training: true, x: x)
            let (live, zeroed, ratios) = masks(reference, dropped)
            XCTAssertGreaterThan(live, 500, c.peType)
            let rate = Double(zeroed) / Double(live)
            let bound = 4 * (0.1 * 0.9 / Double(live)).squareRoot()
            XCTAssertEqual(rate, 0.1, accuracy: bound, "\(c.peType)/\(c.peMode): Spike drops \(rate), the reference \(c.zeroedFraction)")
            XCTAssertEqual(c.zeroedFraction, 0.1, accuracy: 4 * (0.1 * 0.9 / Double(c.entries)).squareRoot())
            for ratio in ratios {
                XCTAssert(
                    ratio >= Float(c.survivorScaleMin) - 1e-6 && ratio <= Float(c.survivorScaleMax) + 1e-6,
                    "\(c.peType): survivor scaled by \(ratio)")
            }
            if c.peMode == "concat" {
                // The reference drops the input's own channels too, not only the code's.
                XCTAssertGreaterThan(c.zeroedFractionInput, 0.05)
                let width = c.width
                let inputOnly = zip(reference.indices, zip(reference, dropped)).filter { $0.0 % width < 8 && $0.1.1 == 0 }.count
                XCTAssertGreaterThan(Double(inputOnly) / Double(4 * 16 * 48 * 8), 0.05, "Spike drops the input channels as well")
            }
        }
    }

    func testPEDropoutLeavesInferenceAndTheNoneArmUnchanged() throws {
        let x = try Tensor.randn([2, 3, 7, 4], seed: 2).map { $0 > 0 ? 1 : 0 }
        for encoding in [
            PositionalEncoding.standardCPG, .cpgAdded(tau: 100, threshold: 0.8, index: .rolling), .randomCode(channels: 4, seed: 1),
            .sinusoidal(base: 10_000), .relative, .learnable
        ] {
            XCTAssertEqual(
                try output(encoding, rate: 0.1, training: false, x: x), try output(encoding, rate: 0, training: false, x: x), "\(encoding)")
            XCTAssertNotEqual(
                try output(encoding, rate: 0.1, training: true, x: x), try output(encoding, rate: 0, training: true, x: x), "\(encoding)")
        }
        XCTAssertEqual(try output(.none, rate: 0.5, training: true, x: x), x.scalars)
    }

    func testAModelWithPEDropoutPredictsExactlyAsWithoutIt() throws {
        let input = try Tensor.randn([2, 12, 3], seed: 4)
        func predictions(_ dropout: Double) throws -> [Float] {
            let options = try SpikformerOptions(
                dim: 8, depth: 1, heads: 2, steps: 2, encoding: .standardCPG, neuron: lif, encodingInMLP: true, encodingDropout: dropout)
            let network = try Network(.model(.spikformer(options)), example: [12, 3], outputs: [4, 3], seed: 3)
            let tape = Tape(recording: false)
            return try network.forward(tape.constant(input), in: ForwardContext(tape: tape, training: false)).value.scalars
        }
        XCTAssertEqual(try predictions(0.1), try predictions(0))
    }

    // MARK: - pe_in_mlp: the reference's CPGLinear with its fixed CPG()

    func testTheMLPsCPGLinearMatchesTheReferenceCPGLinearWithItsFixedCode() throws {
        let g = try golden().cpgLinear
        XCTAssertEqual(g.cpgChannels, 10)
        XCTAssertEqual(g.cpgWMax, 10_000)
        XCTAssertEqual(SpikformerOptions.mlpEncoding, .cpg(pairs: g.cpgChannels / 2, tau: g.cpgWMax, threshold: 0.8, index: .rolling))
        let (t, b, l, d, out) = (g.steps, g.batch, g.length, g.inputs, g.outputs)
        var generator = SeededGenerator(seed: 0)
        var layer = try Positional(
            SpikformerOptions.mlpEncoding, features: d, outputs: out, dropout: 0.1, dropsCode: false, neuron: lif, generator: &generator)
        // PyTorch's [out, in] weights transposed; the two biases summed.
        let wx = try Tensor(shape: [out, d], scalars: g.inpWeight).transposed()
        let wp = try Tensor(shape: [out, g.cpgChannels], scalars: g.cpgWeight).transposed()
        let bias = Tensor(zip(g.inpBias, g.cpgBias).map { $0 + $1 })
        layer.parameters = [wx, wp, bias]
        // The reference's input is [B, T·L, D] (row t·L + l); Spike's [T, B, L, D].
        var x = [Float](repeating: 0, count: t * b * l * d)
        for bi in 0..<b {
            for ti in 0..<t {
                for li in 0..<l {
                    for k in 0..<d {
                        x[((ti * b + bi) * l + li) * d + k] = g.x[((bi * t + ti) * l + li) * d + k]
                    }
                }
            }
        }
        let context = ForwardContext(tape: Tape(recording: false), training: false)
        let y = try layer.forward(context.tape.constant(try Tensor(shape: [t, b, l, d], scalars: x)), in: context).value.scalars
        var expected = [Double](repeating: 0, count: y.count)
        for bi in 0..<b {
            for ti in 0..<t {
                for li in 0..<l {
                    for k in 0..<out {
                        expected[((ti * b + bi) * l + li) * out + k] = Double(g.output[((bi * t + ti) * l + li) * out + k])
                    }
                }
            }
        }
        assertClose(y.map(Double.init), expected, absolute: 1e-5, relative: 1e-5)
    }

    func testPEInMLPFeedsTheFixedTenChannelCodeWhateverTheModelsPE() throws {
        let g = try golden().cpgLinear
        // Looked up by prefix: a decoder's snake-case strategy may or may not rewrite dictionary keys.
        func width(_ prefix: String) throws -> Int {
            try XCTUnwrap(g.spikformerCpgWeights.first { $0.key.hasPrefix(prefix) }?.value.last, prefix)
        }
        let referenceMLPWidth = try width("blocks.0.mlp.fc1.")
        XCTAssertEqual(try width("blocks.0.mlp.fc2."), referenceMLPWidth)
        XCTAssertEqual(try width("encoder."), 40, "the encoder takes num_pe_neuron")
        let (d, h) = (16, 64)
        let options = try SpikformerOptions(
            dim: d, depth: 1, heads: 2, steps: 2, encoding: .cpg(pairs: 20, tau: 1000, threshold: 0.8, index: .rolling), neuron: lif,
            encodingInMLP: true)
        let network = try Network(.model(.spikformer(options)), example: [12, 3], outputs: [4, 3])
        let mlp = try XCTUnwrap(network.stages.first { $0.name.hasSuffix("mlp (residual)") })
        // Two CPG linears (d → h, h → d) with n code channels and one bias each, two batch norms.
        let n = (mlp.parameterCount - 2 * d * h - (h + d) - 2 * (h + d)) / (h + d)
        XCTAssertEqual(n, referenceMLPWidth)
    }

    // MARK: - Codes without a time axis

    func testAnExampleWithoutATimeAxisReadsTheSameCodeWhereverItSitsInTheBatch() throws {
        let inputs = try Tensor.randn([3, 12, 3], seed: 8)
        for encoding in [PositionalEncoding.standardCPG, .randomCode(channels: 4, seed: 2)] {
            // linear >> positional on [B, L, D] windows: no spike encoder, so no time axis.
            let blueprint = Blueprint.sequence([
                .linear(outputs: 8, bias: true), .positional(encoding), .meanOver(.length), .linear(outputs: 12, bias: true)
            ])
            let network = try Network(blueprint, example: [12, 3], outputs: [4, 3])
            let tape = Tape(recording: false)
            let batch = try network.forward(tape.constant(inputs), in: ForwardContext(tape: tape, training: false)).value
            let last = try inputs.sliced(axis: 0, range: 2..<3)
            let alone = try network.forward(tape.constant(last), in: ForwardContext(tape: tape, training: false)).value
            assertClose(
                alone.scalars.map(Double.init), try batch.sliced(axis: 0, range: 2..<3).scalars.map(Double.init), absolute: 1e-5,
                relative: 1e-5, "\(encoding)")
        }
    }

    func testTrainingThroughADroppedCodeGivesTheGradientFiniteDifferencesGive() throws {
        var generator = SeededGenerator(seed: 4)
        let layer = try Positional(.standardCPG, features: 3, outputs: 4, dropout: 0.3, neuron: lif, generator: &generator)
        let x = try Tensor.randn([2, 2, 5, 3], seed: 6)
        let weights = try Tensor.randn([2, 2, 5, 4], seed: 7)
        func loss(_ parameters: [Tensor], tape: Tape = Tape(recording: false)) throws -> (Double, ForwardContext, Variable) {
            var probe = layer
            probe.parameters = parameters
            let context = ForwardContext(tape: tape, training: true, seed: 11)  // the same masks every time
            let y = try probe.forward(tape.constant(x), in: context)
            let total = zip(y.value.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            return (total, context, y)
        }
        let tape = Tape()
        let (_, context, y) = try loss(layer.parameters, tape: tape)
        let gradients = try tape.gradients(of: y, seed: weights)
        let analytic = context.boundParameters.map { gradients[$0] }
        XCTAssertEqual(analytic.count, 3)
        for (index, parameter) in layer.parameters.enumerated() {
            for position in stride(from: 0, to: parameter.count, by: 3) {
                var plus = layer.parameters
                var minus = layer.parameters
                plus[index].scalars[position] += 1e-2
                minus[index].scalars[position] -= 1e-2
                let numeric = (try loss(plus).0 - loss(minus).0) / 2e-2
                XCTAssertEqual(
                    Double(analytic[index].scalars[position]), numeric, accuracy: 2e-3 + 1e-2 * abs(numeric), "\(index)[\(position)]")
            }
        }
    }
}
