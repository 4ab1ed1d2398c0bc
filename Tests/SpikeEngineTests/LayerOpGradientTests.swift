import SpikeKernels
import XCTest

@testable import SpikeEngine

final class LayerOpGradientTests: XCTestCase {
    private func random(_ shape: [Int], _ seed: UInt64) throws -> Tensor { try Tensor.randn(shape, seed: seed) }

    func testConv1dGradientsMatchFiniteDifferencesForSameAndCausalDilatedPadding() throws {
        let x = try random([2, 7, 3], 1)
        let w = try random([3 * 3, 4], 2)
        let b = try random([4], 3)
        try assertGradientsMatchFiniteDifferences([x, w, b]) { tape, v in
            try tape.conv1d(v[0], weight: v[1], bias: v[2], kernel: 3, dilation: 1, padLeft: 1, padRight: 1)
        }
        try assertGradientsMatchFiniteDifferences([x, w, b]) { tape, v in
            try tape.conv1d(v[0], weight: v[1], bias: v[2], kernel: 3, dilation: 2, padLeft: 4, padRight: 0)
        }
    }

    func testALinearWithAPositionTableMatchesFiniteDifferencesAndAddsTheRowOfEachTimeStepAndPosition() throws {
        // x [T=2, B=3, L=4, in=5], table [T, L, out=6]; dense and spiking inputs take both kernels.
        let dense = try random([2, 3, 4, 5], 20)
        let w = try random([5, 6], 21)
        let b = try random([6], 22)
        let table = try random([2, 4, 6], 23)
        try assertGradientsMatchFiniteDifferences([dense, w, b, table]) { tape, v in
            try tape.linear(v[0], weight: v[1], bias: v[2], positions: v[3])
        }
        var values = [Float](repeating: 0, count: 2 * 40 * 16 * 8)
        for index in stride(from: 0, to: values.count, by: 19) { values[index] = 1 }
        let spikes = try Tensor(shape: [2, 40, 16, 8], scalars: values)
        XCTAssertTrue(SpikeAccumulation.isSparse(spikes.scalars))
        let sparseTable = try random([2, 16, 6], 24)
        let sparseWeight = try random([8, 6], 25)
        let tape = Tape()
        let y = try tape.linear(
            tape.constant(spikes), weight: tape.parameter(sparseWeight), bias: nil,
            positions: tape.parameter(sparseTable))
        let plain = try tape.linear(tape.constant(spikes), weight: tape.parameter(sparseWeight), bias: nil)
        for (t, m, l) in [(0, 0, 0), (1, 39, 15), (1, 7, 3)] {
            for f in 0..<6 {
                XCTAssertEqual(
                    try y.value.scalar(at: [t, m, l, f]),
                    try plain.value.scalar(at: [t, m, l, f]) + sparseTable.scalar(at: [t, l, f]))
            }
        }
        XCTAssertThrowsError(
            try tape.linear(
                tape.constant(dense), weight: tape.constant(w), bias: nil,
                positions: tape.constant(try random([4, 6], 26)))
        ) {
            XCTAssertEqual($0 as? EngineError, .shape(operation: "linear positions", first: [2, 3, 4, 5], second: [4, 6]))
        }
    }

    func testBatchNormAndLayerNormGradientsMatchFiniteDifferences() throws {
        let x = try random([3, 5, 4], 4)
        let gamma = try random([4], 5) + 1
        let beta = try random([4], 6)
        try assertGradientsMatchFiniteDifferences([x, gamma, beta]) { tape, v in
            try tape.batchNorm(v[0], scale: v[1], shift: v[2], epsilon: 1e-5).output
        }
        try assertGradientsMatchFiniteDifferences([x, gamma, beta]) { tape, v in
            try tape.layerNorm(v[0], scale: v[1], shift: v[2], epsilon: 1e-5)
        }
    }

    func testCrossEntropyGradientMatchesFiniteDifferencesAndItsValueTheDefinition() throws {
        let logits = try random([4, 3], 7)
        let labels = Tensor([0, 2, 1, 2])
        try assertGradientsMatchFiniteDifferences([logits]) { tape, v in try tape.crossEntropy(v[0], labels: labels) }
        let tape = Tape()
        let value = try tape.crossEntropy(tape.constant(logits), labels: labels).value.scalarValue ?? .nan
        var expected = 0.0
        for row in 0..<4 {
            let values = (0..<3).map { Double(logits.scalars[row * 3 + $0]) }
            let logSum = log(values.map(exp).reduce(0, +))
            expected += logSum - values[Int(labels.scalars[row])]
        }
        XCTAssertEqual(Double(value), expected / 4, accuracy: 1e-5)
    }

    func testACrossEntropyLabelOutsideTheClassesIsAValueErrorNamingLabels() {
        let tape = Tape()
        XCTAssertThrowsError(try tape.crossEntropy(tape.constant(try Tensor.zeros([2, 3])), labels: Tensor([0, 3]))) { error in
            guard case .value(argument: .labels, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testMSEAndMAEAreTheMeanSquaredAndAbsoluteErrors() throws {
        let tape = Tape()
        let prediction = tape.parameter(Tensor([1, 2, 4]))
        let target = Tensor([0, 2, 1])
        let mse = try Loss.mse.evaluate(prediction, target: target, on: tape)
        XCTAssertEqual(mse.value.scalarValue, (1 + 0 + 9) / 3)
        XCTAssertEqual(try tape.gradients(of: mse)[prediction].scalars, [2.0 / 3, 0, 2])
        let mae = try Loss.mae.evaluate(tape.constant(Tensor([1, 2, 4])), target: target, on: tape)
        XCTAssertEqual(mae.value.scalarValue, (1 + 0 + 3) / 3)
        XCTAssertThrowsError(try Loss.mse.evaluate(prediction, target: Tensor([1]), on: tape)) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "mse", first: [3], second: [1]))
        }
    }
}
