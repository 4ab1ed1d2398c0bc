import XCTest

@testable import SpikeEngine

final class TapeTests: XCTestCase {
    private func random(_ shape: [Int], _ seed: UInt64) throws -> Tensor { try Tensor.randn(shape, seed: seed) }

    func testBroadcastingArithmeticGradientsMatchFiniteDifferences() throws {
        let a = try random([3, 4], 1)
        let b = try random([4], 2)
        let positive = try random([3, 1], 3).map { abs($0) + 0.5 }
        try assertGradientsMatchFiniteDifferences([a, b]) { tape, v in try tape.add(v[0], v[1]) }
        try assertGradientsMatchFiniteDifferences([a, b]) { tape, v in try tape.subtract(v[0], v[1]) }
        try assertGradientsMatchFiniteDifferences([a, b]) { tape, v in try tape.multiply(v[0], v[1]) }
        try assertGradientsMatchFiniteDifferences([a, positive]) { tape, v in try tape.divide(v[0], v[1]) }
    }

    func testUnaryGradientsMatchFiniteDifferences() throws {
        // Keep away from the kinks of relu and abs (|x| > 0.05) so the differences are smooth.
        let x = try random([20], 4).map { $0 >= 0 ? $0 + 0.05 : $0 - 0.05 }
        let positive = x.map { abs($0) + 0.2 }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.relu(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.tanh(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.sigmoid(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.exp(v[0]) }
        try assertGradientsMatchFiniteDifferences([positive]) { tape, v in tape.log(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.abs(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.square(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.shift(tape.scale(v[0], by: 3), by: 1) }
    }

    func testReductionAndShapeGradientsMatchFiniteDifferences() throws {
        let x = try random([2, 3, 4], 5)
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.sum(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.sum(v[0], axis: 1) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.mean(v[0], axis: -1) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.mean(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.reshape(v[0], [4, 6]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.permute(v[0], [2, 0, 1]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in tape.transpose(v[0]) }
        try assertGradientsMatchFiniteDifferences([x]) { tape, v in try tape.slice(v[0], axis: 2, range: 1..<3) }
        let y = try random([2, 3, 2], 6)
        try assertGradientsMatchFiniteDifferences([x, y]) { tape, v in try tape.concatenate([v[0], v[1]], axis: 2) }
    }

    func testMatmulGradientsMatchFiniteDifferencesInEveryForm() throws {
        try assertGradientsMatchFiniteDifferences([try random([3, 4], 7), try random([4, 5], 8)]) { tape, v in
            try tape.matmul(v[0], v[1])
        }
        try assertGradientsMatchFiniteDifferences([try random([2, 3, 4], 9), try random([4, 2], 10)]) { tape, v in
            try tape.matmul(v[0], v[1])
        }
        try assertGradientsMatchFiniteDifferences([try random([2, 3, 4], 11), try random([2, 4, 3], 12)]) { tape, v in
            try tape.matmul(v[0], v[1])
        }
        try assertGradientsMatchFiniteDifferences([try random([2, 3, 4], 16), try random([2, 5, 4], 17)]) { tape, v in
            try tape.matmul(v[0], v[1], transposingB: true)
        }
        try assertGradientsMatchFiniteDifferences([try random([2, 3, 4], 18), try random([5, 4], 19)]) { tape, v in
            try tape.matmul(v[0], v[1], transposingB: true)
        }
        try assertGradientsMatchFiniteDifferences(
            [try random([2, 5, 3], 13), try random([3, 4], 14), try random([4], 15)]
        ) { tape, v in try tape.linear(v[0], weight: v[1], bias: v[2]) }
    }

    func testAVariableUsedTwiceAccumulatesBothGradients() throws {
        let tape = Tape()
        let x = tape.parameter(Tensor([1, 2, 3]))
        let y = try tape.sum(tape.multiply(x, x))  // d/dx Σ x² = 2x
        XCTAssertEqual(try tape.gradients(of: y)[x].scalars, [2, 4, 6])
    }

    func testANonRecordingTapeComputesValuesAndNoGradients() throws {
        let tape = Tape(recording: false)
        let x = tape.parameter(Tensor([1, 2, 3]))
        let y = try tape.sum(tape.multiply(x, x))
        XCTAssertEqual(y.value.scalarValue, 14)
        XCTAssertFalse(y.isDifferentiable)
        XCTAssertEqual(try tape.gradients(of: y)[x].scalars, [0, 0, 0])
    }

    func testConstantsReceiveNoGradient() throws {
        let tape = Tape()
        let w = tape.parameter(Tensor([2]))
        let data = tape.constant(Tensor([5]))
        let y = try tape.multiply(w, data)
        let gradients = try tape.gradients(of: y)
        XCTAssertEqual(gradients[w].scalars, [5])
        XCTAssertEqual(gradients[data].scalars, [0])
    }

    func testBackwardStopsWhenCancelled() throws {
        let tape = Tape()
        let x = tape.parameter(Tensor([1, 2]))
        let y = try tape.sum(tape.square(x))
        XCTAssertThrowsError(try tape.gradients(of: y, isCancelled: { true })) { error in
            XCTAssertEqual(error as? EngineError, .interrupted)
        }
    }
}
