import XCTest

@testable import SpikeEngine

final class EvaluationTests: XCTestCase {
    func testForecastScoresAreThePaperMetricsOfTheNetworkOutputs() throws {
        let data = try TrainingFixtures.sines()
        let network = try TrainingFixtures.spikeRNN()
        _ = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 1, batchSize: 32))
        guard case .forecasting(let set) = data, case .regression(let scores) = try Evaluation.evaluate(network, on: data.split(.test))
        else {
            return XCTFail("forecasting data must give regression scores")
        }
        let outputs = try Evaluation.outputs(network, inputs: set.test.inputs, batchSize: 7)
        XCTAssertEqual(scores, try Metrics.regression(target: set.test.targets, prediction: outputs))
    }

    func testPredictionsComeBackInOriginalUnits() throws {
        let data = try TrainingFixtures.sines()
        let network = try TrainingFixtures.spikeRNN()
        _ = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 1, batchSize: 32))
        guard case .forecasting(let set) = data else { return XCTFail() }
        let normalized = try Evaluation.outputs(network, inputs: set.test.inputs)
        let predicted = try Evaluation.predict(network, inputs: set.test.inputs, normalized: true)
        XCTAssertEqual(predicted, try set.normalizer.inverse(normalized))
        // Raw windows in original units give the same forecasts as their normalized windows.
        let raw = try set.normalizer.inverse(set.test.inputs)
        let fromRaw = try Evaluation.predict(network, inputs: raw, normalized: false)
        for (a, b) in zip(fromRaw.scalars, predicted.scalars) { XCTAssertEqual(a, b, accuracy: 1e-3 * max(1, abs(b))) }
    }

    func testAnUntrainedNetworkCannotBeScored() throws {
        let data = try TrainingFixtures.sines()
        XCTAssertThrowsError(try Evaluation.evaluate(try TrainingFixtures.spikeRNN(), on: data.split(.test))) { error in
            guard case EngineError.value(let argument, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(argument, .model)
        }
    }

    func testMeanAndSampleStandardDeviation() {
        let summary = MeanStd([1, 2, 3, 6])
        XCTAssertEqual(summary.mean, 3)
        XCTAssertEqual(summary.std, (14.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(MeanStd([4]).std, 0)
    }

    func testCompareTrainsEveryModelForEverySeed() throws {
        let data = try TrainingFixtures.sines()
        var calls = Set<String>()
        let comparison = try Comparison.run(
            models: [("none", try TrainingFixtures.spikeRNN(encoding: .none)), ("cpg", try TrainingFixtures.spikeRNN())],
            on: data, options: try TrainingOptions(epochs: 1, batchSize: 64), seeds: [0, 1],
            progress: { calls.insert("\($0.model)/\($0.seed)") })
        XCTAssertEqual(comparison.rows.map(\.name), ["none", "cpg"])
        XCTAssertEqual(comparison.metricNames, ["r2", "rse", "mse", "mae"])
        XCTAssertEqual(calls, ["none/0", "none/1", "cpg/0", "cpg/1"])
        for row in comparison.rows { XCTAssertEqual(row.metrics["r2"]?.samples.count, 2) }
        // The seed decides the run: the same model and seed trained alone scores the same.
        let alone = try TrainingFixtures.spikeRNN()
        _ = try Trainer.train(alone, on: data, options: try TrainingOptions(epochs: 1, batchSize: 64, seed: 1))
        guard case .regression(let scores) = try Evaluation.evaluate(alone, on: data.split(.test)) else { return XCTFail() }
        XCTAssertEqual(comparison.rows[1].metrics["r2"]?.samples[1], scores.r2)
    }
}
