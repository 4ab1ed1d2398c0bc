import SpikeKernels
import TestSupport
import XCTest

@testable import SpikeEngine

/// Linear layers fed spikes accumulate weight rows instead of multiplying; the results must be
/// the dense products (up to the order of additions).
final class SpikeAccumulationTests: XCTestCase {
    /// A [rows, inputs] matrix of spikes (0, 1 and a few 2s, as residual sums give) with
    /// about 96% zeros.
    func spikes(rows: Int, inputs: Int, seed: UInt64) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<(rows * inputs)).map { _ -> Float in
            let u = generator.nextUnit()
            return u < 0.96 ? 0 : (u < 0.99 ? 1 : 2)
        }
        return try Tensor(shape: [rows, inputs], scalars: values)
    }

    func testTheLinearOfSpikesIsTheDenseAffineMapAndItsWeightGradientTheDenseProduct() throws {
        // Widths that take the 32-column, 8-column and scalar paths of the register blocking.
        for (outputs, bias) in [(24, true), (37, true), (64, false), (3, true)] {
            let x = try spikes(rows: 96, inputs: 64, seed: 1)
            XCTAssertTrue(SpikeAccumulation.isSparse(x.scalars), "the input takes the accumulating path")
            let w = try Tensor.randn([64, outputs], seed: 2)
            let b = try Tensor.randn([outputs], seed: 3)
            let g = try Tensor.randn([96, outputs], seed: 4)

            let tape = Tape()
            let weight = tape.parameter(w)
            let biasVariable = bias ? tape.parameter(b) : nil
            let y = try tape.linear(tape.constant(x), weight: weight, bias: biasVariable)
            let gradients = try tape.gradients(of: y, seed: g)

            // Independent oracle: the dense products, summed in Float64.
            var expected = [Double]()
            var expectedGradient = [Double](repeating: 0, count: 64 * outputs)
            for row in 0..<96 {
                for o in 0..<outputs {
                    var sum = bias ? Double(b.scalars[o]) : 0
                    for i in 0..<64 { sum += Double(x.scalars[row * 64 + i]) * Double(w.scalars[i * outputs + o]) }
                    expected.append(sum)
                }
                for i in 0..<64 {
                    for o in 0..<outputs {
                        expectedGradient[i * outputs + o] += Double(x.scalars[row * 64 + i]) * Double(g.scalars[row * outputs + o])
                    }
                }
            }
            assertClose(y.value.scalars.map(Double.init), expected, absolute: 1e-4, relative: 1e-5, "outputs \(outputs)")
            assertClose(
                gradients[weight].scalars.map(Double.init), expectedGradient, absolute: 1e-4, relative: 1e-5,
                "weight gradient, outputs \(outputs)")
        }
    }

    func testAnInputThatNeverFiresGivesTheBiasAndAZeroWeightGradientRow() throws {
        var values = [Float](repeating: 0, count: 128 * 40)
        for row in 0..<128 where row % 3 == 0 { values[row * 40 + 7] = 1 }  // only input 7 ever fires
        let x = try Tensor(shape: [128, 40], scalars: values)
        let w = try Tensor.randn([40, 33], seed: 6)
        let b = try Tensor.randn([33], seed: 7)
        let tape = Tape()
        let weight = tape.parameter(w)
        let y = try tape.linear(tape.constant(x), weight: weight, bias: tape.parameter(b))
        let gradient = try tape.gradients(of: y, seed: try Tensor.ones([128, 33]))[weight]
        XCTAssertEqual(Array(y.value.scalars[33..<66]), b.scalars, "a silent row is the bias")
        XCTAssertEqual(Array(gradient.scalars[0..<33]), [Float](repeating: 0, count: 33))
        XCTAssertEqual(Array(gradient.scalars[(7 * 33)..<(8 * 33)]), [Float](repeating: 43, count: 33), "43 rows fire input 7")
    }

    func testDenseInputsAndSmallInputsKeepTheGEMM() throws {
        XCTAssertFalse(SpikeAccumulation.isSparse(try Tensor.randn([96, 64], seed: 5).scalars))
        XCTAssertFalse(SpikeAccumulation.isSparse([Float](repeating: 0, count: 100)), "too small to be worth a scan")
    }
}
