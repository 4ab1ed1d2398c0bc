import Foundation
import XCTest

@testable import SpikeEngine

final class ForecastingSetTests: XCTestCase {
    /// A series whose value at step t of variate c is 100·c + t, so every window reveals where
    /// it was cut from.
    private func ramp(length: Int, variates: Int) throws -> Series {
        var values = [Float]()
        for t in 0..<length {
            for c in 0..<variates { values.append(Float(100 * c + t)) }
        }
        return try Series(name: "ramp", columns: (0..<variates).map { "v\($0)" }, values: values)
    }

    func testWindowsHaveTheDocumentedShapesAndContents() throws {
        let data = try ForecastingSet(try ramp(length: 100, variates: 2), window: 5, horizon: 3, normalization: .identity)
        // Steps: train 0..<70, valid 70..<80, test 80..<100; windows per part = rows − 8 + 1.
        XCTAssertEqual(data.train.rows, 0..<70)
        XCTAssertEqual(data.valid.rows, 70..<80)
        XCTAssertEqual(data.test.rows, 80..<100)
        XCTAssertEqual(data.train.inputs.shape, [63, 5, 2])
        XCTAssertEqual(data.train.targets.shape, [63, 3, 2])
        XCTAssertEqual(data.valid.count, 3)
        XCTAssertEqual(data.test.count, 13)
        // Test window 0 starts at step 80: inputs t = 80..84, targets 85..87.
        XCTAssertEqual(try data.test.inputs.scalar(at: [0, 0, 1]), 180)
        XCTAssertEqual(try data.test.inputs.scalar(at: [0, 4, 0]), 84)
        XCTAssertEqual(try data.test.targets.scalar(at: [0, 0, 0]), 85)
        XCTAssertEqual(try data.test.targets.scalar(at: [0, 2, 1]), 187)
    }

    func testNoWindowStraddlesASplitBoundary() throws {
        let data = try ForecastingSet(try ramp(length: 240, variates: 1), window: 12, horizon: 6, normalization: .identity)
        for part in SplitPart.allCases {
            let split = data.split(part)
            let steps = split.inputs.scalars + split.targets.scalars
            XCTAssertGreaterThanOrEqual(Int(steps.min() ?? -1), split.rows.lowerBound, part.rawValue)
            XCTAssertLessThan(Int(steps.max() ?? .infinity), split.rows.upperBound, part.rawValue)
        }
        // The last training target is the last training step.
        XCTAssertEqual(data.train.targets.scalars.last.map(Int.init), data.train.rows.upperBound - 1)
    }

    func testSunspotWindowsAgreeWithTheNumPyGoldenFile() throws {
        let golden = try GoldenFile("sunspots_windows.txt").only
        let data = try ForecastingSet(try BundledDataset.sunspots.series(), window: 12, horizon: 6)
        XCTAssertEqual(try golden.ints("train"), [data.train.rows.lowerBound, data.train.rows.upperBound])
        XCTAssertEqual(try golden.ints("valid"), [data.valid.rows.lowerBound, data.valid.rows.upperBound])
        XCTAssertEqual(try golden.ints("test"), [data.test.rows.lowerBound, data.test.rows.upperBound])
        XCTAssertEqual(try golden.ints("windows"), [data.train.count, data.valid.count, data.test.count])
        XCTAssertEqual(Double(data.normalizer.offset[0]), try golden.double("mean"))
        XCTAssertEqual(Double(data.normalizer.scale[0]), try golden.double("std"), accuracy: 1e-4)
        let input = Array(data.test.inputs.scalars.prefix(12)).map(Double.init)
        let target = Array(data.test.targets.scalars.prefix(6)).map(Double.init)
        for (got, expected) in zip(input, try golden.doubles("test_input")) { XCTAssertEqual(got, expected, accuracy: 1e-5) }
        for (got, expected) in zip(target, try golden.doubles("test_target")) { XCTAssertEqual(got, expected, accuracy: 1e-5) }
    }

    func testNormalizationIsFittedOnTheTrainingStepsOnly() throws {
        let series = try Series.synthetic(kind: .sines, length: 400, variates: 3, seed: 5)
        let data = try ForecastingSet(series, window: 10, horizon: 5)
        // Change every validation and test value wildly: the fitted statistics and the
        // training windows must not move.
        let trainEnd = data.train.rows.upperBound * series.variates
        var changed = series.values
        for i in trainEnd..<changed.count { changed[i] = changed[i] * 50 + 1000 }
        let leaked = try ForecastingSet(
            try Series(name: "x", columns: series.columns, values: changed), window: 10, horizon: 5)
        XCTAssertEqual(leaked.normalizer, data.normalizer)
        XCTAssertEqual(leaked.train, data.train)
        XCTAssertNotEqual(leaked.test, data.test)
        // And the training inputs are z-scored: mean ≈ 0, std ≈ 1 per variate over train rows.
        let train = series.rows(data.train.rows)
        for c in 0..<3 {
            let column = stride(from: c, to: train.count, by: 3).map {
                Double((train[$0] - data.normalizer.offset[c]) / data.normalizer.scale[c])
            }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
            XCTAssertEqual(mean, 0, accuracy: 1e-5)
            XCTAssertEqual(variance, 1, accuracy: 1e-4)
        }
    }

    func testMinMaxMapsTheTrainingRangeOntoTheUnitInterval() throws {
        let data = try ForecastingSet(try ramp(length: 100, variates: 1), window: 4, horizon: 2, normalization: .minMax)
        XCTAssertEqual(data.normalizer.offset, [0])
        XCTAssertEqual(data.normalizer.scale, [69])
        XCTAssertEqual(data.train.inputs.scalars.min(), 0)
        XCTAssertEqual(data.train.targets.scalars.max(), 1)
        XCTAssertGreaterThan(data.test.targets.scalars.max() ?? 0, 1)  // test lies beyond the training range
    }

    func testGlobalNormalizationUsesOneMeanAndStdOverEveryVariateOfTheTrainingSteps() throws {
        // ramp, 2 variates, 100 steps: training steps 0..<70 (0.7), values t and 100 + t.
        let data = try ForecastingSet(try ramp(length: 100, variates: 2), window: 4, horizon: 2, normalization: .global)
        let train = (0..<70).flatMap { t in [Double(t), Double(100 + t)] }
        let mean = train.reduce(0, +) / Double(train.count)  // closed form: 34.5 + 50 = 84.5
        let variance = train.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(train.count)
        XCTAssertEqual(mean, 84.5)
        XCTAssertEqual(data.normalizer.offset, [Float(mean), Float(mean)])
        XCTAssertEqual(data.normalizer.scale, [Float(variance.squareRoot()), Float(variance.squareRoot())])
        // Variate 0 lies below the global mean and variate 1 above it, unlike per-variate z-scores.
        XCTAssertLessThan(data.train.inputs.scalars[0], -1)
        XCTAssertGreaterThan(data.train.inputs.scalars[1], 0)
        XCTAssertEqual(Normalization.global.scaleName, "one global z-score (SeqSNN's scale)")
    }

    func testTheInverseTransformRestoresOriginalUnits() throws {
        let series = try BundledDataset.electricity.series()
        for kind in Normalization.allCases {
            let data = try ForecastingSet(series, window: 48, horizon: 12, normalization: kind)
            let restored = try data.inverse(data.test.targets)
            let start = data.test.rows.lowerBound + 48
            let original = Array(series.values[start..<(start + 12)])
            for (a, b) in zip(restored.scalars.prefix(12), original) {
                XCTAssertEqual(a, b, accuracy: 0.01 * max(1, abs(b)) * 1e-3, kind.rawValue)
            }
        }
    }

    func testTheInverseTransformChecksTheVariateAxis() throws {
        let data = try ForecastingSet(try ramp(length: 50, variates: 2), window: 3, horizon: 2)
        XCTAssertThrowsError(try data.inverse(try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "inverse normalization", first: [2, 3], second: [2]))
        }
    }

    func testAConstantVariateIsCentredWithoutDividingByZero() throws {
        let flat = try Series(name: "flat", columns: ["x"], values: [Float](repeating: 7, count: 60))
        let data = try ForecastingSet(flat, window: 3, horizon: 2)
        XCTAssertEqual(data.normalizer.scale, [1])
        XCTAssertTrue(data.test.inputs.scalars.allSatisfy { $0 == 0 })
    }

    private func assertValueError(
        _ argument: EngineParameter, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard case .value(argument: argument, _)? = error as? EngineError else {
                return XCTFail("expected a value error for \(argument), got \(error)", file: file, line: line)
            }
        }
    }

    func testBadSizesAndSplitsAreValueErrorsNamingTheArgument() throws {
        let series = try ramp(length: 100, variates: 1)
        assertValueError(.horizon) { try ForecastingSet(series, window: 90, horizon: 20) }
        assertValueError(.window) { try ForecastingSet(series, window: 100, horizon: 1) }
        assertValueError(.window) { try ForecastingSet(series, window: 0, horizon: 1) }
        assertValueError(.horizon) { try ForecastingSet(series, window: 5, horizon: -1) }
        // Fits the series but not the 10-step validation part.
        assertValueError(.split) { try ForecastingSet(series, window: 8, horizon: 4) }
        assertValueError(.split) { try SplitFractions([0.7, 0.2, 0.2]) }
        assertValueError(.split) { try SplitFractions([0.8, 0, 0.2]) }
        assertValueError(.split) { try SplitFractions([0.8, 0.2]) }
        assertValueError(.split) { try SplitFractions([0.8, .nan, 0.2]) }
    }

    func testTooManyWindowsForTheMemoryBudgetIsAResourceError() throws {
        let series = try ramp(length: 1000, variates: 4)
        XCTAssertThrowsError(try ForecastingSet(series, window: 20, horizon: 10, budget: MemoryBudget(bytes: 100_000))) { error in
            guard case .resource? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testSplitCountsAlwaysAddUpToTheTotal() throws {
        let split = try SplitFractions([0.6, 0.2, 0.2])
        for total in [0, 1, 7, 10, 309, 4032] {
            let counts = split.counts(of: total)
            XCTAssertEqual(counts.train + counts.valid + counts.test, total)
            XCTAssertGreaterThanOrEqual(min(counts.train, counts.valid, counts.test), 0)
        }
        XCTAssertTrue(SplitFractions.standard.counts(of: 10) == (7, 1, 2))
    }
}
