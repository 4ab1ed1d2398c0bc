import Foundation
import XCTest

@testable import SpikeEngine

final class BatchIteratorTests: XCTestCase {
    private func forecasting() throws -> ForecastingSet {
        try ForecastingSet(try Series.synthetic(kind: .sines, length: 300, variates: 2, seed: 1), window: 6, horizon: 2)
    }

    func testTheSameSeedVisitsTheSameOrderAndAnotherSeedDoesNot() throws {
        let train = try forecasting().train
        let a = try BatchIterator(train, size: 16, seed: 11)
        let b = try BatchIterator(train, size: 16, seed: 11)
        let c = try BatchIterator(train, size: 16, seed: 12)
        XCTAssertEqual(a.order, b.order)
        XCTAssertNotEqual(a.order, c.order)
    }

    func testAnEpochVisitsEveryExampleExactlyOnceWithASmallerLastBatch() throws {
        let train = try forecasting().train
        var batches = try BatchIterator(train, size: 32, seed: 3)
        var seen: [Int] = []
        var sizes: [Int] = []
        while let batch = try batches.next() {
            seen += batch.indices
            sizes.append(batch.inputs.shape[0])
        }
        XCTAssertEqual(seen.sorted(), Array(0..<train.count))
        XCTAssertNotEqual(seen, Array(0..<train.count), "shuffled")
        XCTAssertEqual(sizes.dropLast().allSatisfy { $0 == 32 }, true)
        XCTAssertEqual(sizes.last, train.count - 32 * (sizes.count - 1))
        XCTAssertNil(try batches.next())
    }

    func testABatchHoldsTheWindowsItsIndicesName() throws {
        let train = try forecasting().train
        var batches = try BatchIterator(train, size: 4, seed: 0, shuffle: false)
        _ = try batches.next()
        let second = try XCTUnwrap(try batches.next())
        XCTAssertEqual(second.indices, [4, 5, 6, 7])
        XCTAssertEqual(second.inputs.shape, [4, 6, 2])
        XCTAssertEqual(second.targets.shape, [4, 2, 2])
        XCTAssertEqual(second.inputs, try train.inputs.sliced(axis: 0, range: 4..<8))
        XCTAssertEqual(second.targets, try train.targets.sliced(axis: 0, range: 4..<8))
    }

    func testClassificationBatchesCarryClassIndicesAsTargets() throws {
        let set = try ClassificationSet(try BundledDataset.digits.labeledData())
        var batches = try BatchIterator(set.test, size: 10, seed: 2)
        let batch = try XCTUnwrap(try batches.next())
        XCTAssertEqual(batch.inputs.shape, [10, 64])
        XCTAssertEqual(batch.targets.scalars, batch.indices.map { Float(set.test.labels[$0]) })
    }

    func testABatchSizeBelowOneIsAValueError() throws {
        XCTAssertThrowsError(try BatchIterator(try forecasting().train, size: 0, seed: 0)) { error in
            guard case .value(argument: .batchSize, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
