import Foundation
import XCTest

@testable import SpikeEngine

final class MetricsTests: XCTestCase {
    private func tensor(_ shape: [Int], _ values: [Float]) throws -> Tensor {
        try Tensor(shape: shape, scalars: values)
    }

    func testR2UsesTheGlobalMeanOfTheFlattenedTarget() throws {
        // y = [1, 2, 3, 4], ŷ = [1, 2, 3, 5]: residual 1, mean 2.5, total 1.5²·2 + 0.5²·2 = 5.
        let y = try tensor([2, 2], [1, 2, 3, 4])
        let p = try tensor([2, 2], [1, 2, 3, 5])
        XCTAssertEqual(try Metrics.r2(target: y, prediction: p), 1 - 1.0 / 5.0, accuracy: 1e-15)
    }

    func testRSESubtractsEachColumnsOwnMean() throws {
        // Columns [1, 3] and [2, 6]: means 2 and 4, Σ(y − ȳ_j)² = 1 + 1 + 4 + 4 = 10;
        // Σ(ŷ − y)² = 4 (one error of 2) → RSE = 2 / √10.
        let y = try tensor([2, 2], [1, 2, 3, 6])
        let p = try tensor([2, 2], [1, 4, 3, 6])
        XCTAssertEqual(try Metrics.rse(target: y, prediction: p), 2 / 10.0.squareRoot(), accuracy: 1e-15)
    }

    func testRSEColumnsOfAWindowedTargetAreOutputsByDefaultOrVariatesOnRequest() throws {
        // (N=2, H=2, C=1): y = [[0, 10], [2, 12]]. As outputs the columns are h=0: [0, 2] and
        // h=1: [10, 12] → Σ spread = 1+1+1+1 = 4. As variates one column [0, 10, 2, 12] with
        // mean 6 → Σ spread = 36+16+16+36 = 104. Residual: one error of 1 → 1.
        let y = try tensor([2, 2, 1], [0, 10, 2, 12])
        let p = try tensor([2, 2, 1], [1, 10, 2, 12])
        XCTAssertEqual(try Metrics.rse(target: y, prediction: p, columns: .outputs), 1 / 2.0, accuracy: 1e-15)
        XCTAssertEqual(try Metrics.rse(target: y, prediction: p, columns: .variates), 1 / 104.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try Metrics.rse(target: y, prediction: p), 0.5, accuracy: 1e-15)
    }

    func testMSEAndMAEAverageOverEveryNumber() throws {
        let y = try tensor([3], [0, 0, 0])
        let p = try tensor([3], [1, -2, 3])
        XCTAssertEqual(try Metrics.mse(target: y, prediction: p), 14.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(try Metrics.mae(target: y, prediction: p), 2, accuracy: 1e-15)
    }

    func testAPerfectPredictionScoresR2OneAndErrorsZero() throws {
        let y = try tensor([4, 2, 3], (0..<24).map { Float($0 * $0) / 7 })
        let scores = try Metrics.regression(target: y, prediction: y)
        XCTAssertEqual(scores, RegressionScores(r2: 1, rse: 0, mse: 0, mae: 0))
    }

    func testAConstantTargetFollowsScikitLearnForR2AndIsInfiniteForRSE() throws {
        let y = try tensor([3, 1], [2, 2, 2])
        XCTAssertEqual(try Metrics.r2(target: y, prediction: y), 1)
        let p = try tensor([3, 1], [2, 3, 2])
        XCTAssertEqual(try Metrics.r2(target: y, prediction: p), 0)
        XCTAssertEqual(try Metrics.rse(target: y, prediction: p), .infinity)
    }

    func testSumsAreAccumulatedInDoubleSoLargeOffsetsKeepPrecision() throws {
        // 100 000 values of 1e4 ± 1: a Float32 running sum would lose the ±1 structure.
        let n = 100_000
        let y = try tensor([n], (0..<n).map { Float(10_000 + ($0 % 2 == 0 ? 1 : -1)) })
        let p = try tensor([n], (0..<n).map { Float(10_000 + ($0 % 2 == 0 ? 0.5 : -0.5)) })
        XCTAssertEqual(try Metrics.r2(target: y, prediction: p), 0.75, accuracy: 1e-12)
    }

    func testMetricsAgreeWithTheNumPyGoldenFile() throws {
        let golden = try GoldenFile("metrics.txt")
        var checked = 0
        for block in golden.blocks where block["target"] != nil {
            let name = block["case"]?.first ?? "?"
            let shape = try block.ints("shape")
            let y = try tensor(shape, try block.doubles("target").map { Float($0) })
            let p = try tensor(shape, try block.doubles("prediction").map { Float($0) })
            if block["r2"] != nil {
                XCTAssertEqual(try Metrics.r2(target: y, prediction: p), try block.double("r2"), accuracy: 1e-12, name)
            }
            if block["rse_outputs"] != nil {
                XCTAssertEqual(
                    try Metrics.rse(target: y, prediction: p, columns: .outputs), try block.double("rse_outputs"), accuracy: 1e-12, name)
                XCTAssertEqual(
                    try Metrics.rse(target: y, prediction: p, columns: .variates), try block.double("rse_variates"), accuracy: 1e-12, name)
            }
            XCTAssertEqual(try Metrics.mse(target: y, prediction: p), try block.double("mse"), accuracy: 1e-12, name)
            XCTAssertEqual(try Metrics.mae(target: y, prediction: p), try block.double("mae"), accuracy: 1e-12, name)
            checked += 1
        }
        XCTAssertEqual(checked, 5)
    }

    func testAccuracyAgreesWithTheNumPyGoldenFile() throws {
        let golden = try GoldenFile("metrics.txt")
        let block = try XCTUnwrap(golden.blocks.first { $0["case"] == ["ten_classes"] })
        let shape = try block.ints("shape")
        let scores = try tensor(shape, try block.doubles("scores").map { Float($0) })
        let labels = try block.ints("labels")
        XCTAssertEqual(try Metrics.accuracy(labels: labels, scores: scores), try block.double("accuracy"), accuracy: 1e-15)
    }

    func testAccuracyCountsMatchingClasses() throws {
        XCTAssertEqual(try Metrics.accuracy(labels: [0, 1, 2, 3], predicted: [0, 1, 0, 3]), 0.75)
        let scores = try tensor([2, 3], [0.1, 0.7, 0.2, 5, 5, 1])  // row 2 ties: first wins
        XCTAssertEqual(try Metrics.accuracy(labels: [1, 0], scores: scores), 1)
    }

    func testMismatchedShapesAreShapeErrorsNamingBoth() throws {
        let y = try tensor([2, 3], [1, 2, 3, 4, 5, 6])
        let p = try tensor([3, 2], [1, 2, 3, 4, 5, 6])
        XCTAssertThrowsError(try Metrics.r2(target: y, prediction: p)) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "r2", first: [2, 3], second: [3, 2]))
        }
        XCTAssertThrowsError(try Metrics.accuracy(labels: [1, 2], predicted: [1])) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "accuracy", first: [2], second: [1]))
        }
    }

    func testAnEmptyTargetIsAValueError() throws {
        let empty = try tensor([0, 3], [])
        XCTAssertThrowsError(try Metrics.mse(target: empty, prediction: empty)) { error in
            guard case .value(argument: .target, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
