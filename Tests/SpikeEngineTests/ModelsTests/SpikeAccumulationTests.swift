import XCTest
import TestSupport
@testable import SpikeEngine

/// Linear layers fed spikes accumulate weight rows instead of multiplying; the results must be
/// the dense products (up to the order of additions).
final class SpikeAccumulationTests: XCTestCase {
    /// A [rows, inputs] matrix of spikes (0, 1 and a few 2s, as residual sums give) with
    /// about 85% zeros.
    func spikes(rows: Int, inputs: Int, seed: UInt64) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<(rows * inputs)).map { _ -> Float in
            let u = generator.nextUnit()
            return u < 0.85 ? 0 : (u < 0.97 ? 1 : 2)
        }
        return try Tensor(shape: [rows, inputs], scalars: values)
    }

    func testTheLinearOfSpikesIsTheDenseAffineMapAndItsWeightGradientTheDenseProduct() throws {
        let x = try spikes(rows: 96, inputs: 64, seed: 1)
        XCTAssertTrue(SpikeAccumulation.isSparse(x.scalars), "the input takes the accumulating path")
        let w = try Tensor.randn([64, 24], seed: 2), b = try Tensor.randn([24], seed: 3)
        let g = try Tensor.randn([96, 24], seed: 4)

        let tape = Tape()
        let weight = tape.parameter(w), bias = tape.parameter(b)
        let y = try tape.linear(tape.constant(x), weight: weight, bias: bias)
        let gradients = try tape.gradients(of: y, seed: g)

        // Independent oracle: the dense products, summed in Float64.
        var expected = [Double](), expectedGradient = [Double](repeating: 0, count: 64 * 24)
        for row in 0..<96 {
            for o in 0..<24 {
                var sum = Double(b.scalars[o])
                for i in 0..<64 { sum += Double(x.scalars[row * 64 + i]) * Double(w.scalars[i * 24 + o]) }
                expected.append(sum)
            }
            for i in 0..<64 {
                for o in 0..<24 { expectedGradient[i * 24 + o] += Double(x.scalars[row * 64 + i]) * Double(g.scalars[row * 24 + o]) }
            }
        }
        assertClose(y.value.scalars.map(Double.init), expected, absolute: 1e-4, relative: 1e-5)
        assertClose(gradients[weight].scalars.map(Double.init), expectedGradient, absolute: 1e-4, relative: 1e-5)
    }

    func testDenseInputsAndSmallInputsKeepTheGEMM() throws {
        XCTAssertFalse(SpikeAccumulation.isSparse(try Tensor.randn([96, 64], seed: 5).scalars))
        XCTAssertFalse(SpikeAccumulation.isSparse([Float](repeating: 0, count: 100)), "too small to be worth a scan")
    }
}
