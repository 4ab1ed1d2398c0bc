import SpikeKernels
import XCTest

/// Normalization statistics and x̂ on raw rows, against sums written out in Float64.
final class NormalizationRowsTests: XCTestCase {
    private let rows = 5, features = 11
    private var x: [Float] { (0..<55).map { Float(($0 * 37) % 23) / 7 - 1.5 } }

    func testBatchStatisticsAreThePerFeatureMeanAndBiasedVariance() {
        let layout = NormalizationRows(rows: rows, features: features, perRow: false)
        let (mean, variance, inverse) = layout.statistics(x, epsilon: 1e-5)
        for f in 0..<features {
            let column = (0..<rows).map { Double(x[$0 * features + f]) }
            let m = column.reduce(0, +) / Double(rows)
            let v = column.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(rows)
            XCTAssertEqual(Double(mean[f]), m, accuracy: 1e-6)
            XCTAssertEqual(Double(variance[f]), v, accuracy: 1e-5)
            XCTAssertEqual(Double(inverse[f]), 1 / (v + 1e-5).squareRoot(), accuracy: 1e-3)
        }
    }

    func testLayerNormalizedRowsHaveZeroMeanAndUnitVariance() {
        let layout = NormalizationRows(rows: rows, features: features, perRow: true)
        let (mean, _, inverse) = layout.statistics(x, epsilon: 0)
        let xhat = layout.normalized(x, mean: mean, inverse: inverse)
        for row in 0..<rows {
            let values = xhat[row * features..<(row + 1) * features].map(Double.init)
            let m = values.reduce(0, +) / Double(features)
            XCTAssertEqual(m, 0, accuracy: 1e-5)
            XCTAssertEqual(values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(features), 1, accuracy: 1e-4)
        }
    }
}
