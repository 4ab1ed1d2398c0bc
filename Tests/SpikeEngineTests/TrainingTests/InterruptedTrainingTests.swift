import XCTest

@testable import SpikeEngine

/// An interrupted `train` or `compare` hands back what it finished, exactly as an uninterrupted
/// run with the same seed would have it.
final class InterruptedTrainingTests: XCTestCase {
    /// A progress callback and a cancellation check that fires once `batches` steps are done.
    private final class StopAfter: @unchecked Sendable {
        let batches: Int
        var seen = 0
        init(batches: Int) { self.batches = batches }
        func progress(_: TrainingProgress) { seen += 1 }
        var isCancelled: Bool { seen >= batches }
    }

    /// An epoch record without its wall time, which differs between runs.
    private func curve(_ run: TrainingRun) -> [[Double?]] {
        run.epochs.map { [Double($0.epoch), $0.trainLoss, $0.validLoss, $0.validAccuracy] }
    }

    func testARunInterruptedInItsThirdEpochKeepsTheTwoFinishedEpochsAsAnUninterruptedRunHasThem() throws {
        let data = try TrainingFixtures.sines()
        let batches = (data.split(.train).count + 31) / 32
        let stop = StopAfter(batches: 2 * batches + 1)
        let network = try TrainingFixtures.spikeRNN()
        let run = try Trainer.train(
            network, on: data, options: try TrainingOptions(epochs: 5, learningRate: 3e-2, batchSize: 32, seed: 4),
            progress: stop.progress, isCancelled: { stop.isCancelled })
        let oracle = try TrainingFixtures.spikeRNN()
        let full = try Trainer.train(oracle, on: data, options: try TrainingOptions(epochs: 2, learningRate: 3e-2, batchSize: 32, seed: 4))

        XCTAssertEqual(run.stop, .interrupted)
        XCTAssertEqual(run.interruptedEpoch, 3)
        XCTAssertEqual(curve(run), curve(full))
        XCTAssertEqual(Array(run.stepLosses.prefix(2 * batches)), full.stepLosses)
        XCTAssertEqual(run.stepLosses.count, 2 * batches + 1)
        XCTAssertEqual(run.bestEpoch, full.bestEpoch)
        XCTAssertTrue(run.keptBestWeights)
        // The network has the best finished epoch's weights, as the two-epoch run's network does.
        XCTAssertEqual(network.parameters, oracle.parameters)
        XCTAssertEqual(network.parameters, run.bestParameters)
    }

    func testARunInterruptedInItsFirstEpochHasNoBestEpochAndLeavesTheWeightsAsTheyAre() throws {
        let data = try TrainingFixtures.sines()
        let stop = StopAfter(batches: 2)
        let network = try TrainingFixtures.spikeRNN()
        let run = try Trainer.train(
            network, on: data, options: try TrainingOptions(epochs: 3, batchSize: 32),
            progress: stop.progress, isCancelled: { stop.isCancelled })
        let untrained = try TrainingFixtures.spikeRNN()
        try untrained.prepare(example: data.exampleShape, outputs: data.outputShape, seed: 0)

        XCTAssertEqual(run.stop, .interrupted)
        XCTAssertEqual(run.interruptedEpoch, 1)
        XCTAssertNil(run.bestEpoch)
        XCTAssertFalse(run.keptBestWeights)
        XCTAssertTrue(run.epochs.isEmpty)
        XCTAssertEqual(run.stepLosses.count, 2)
        XCTAssertEqual(network.parameters, run.bestParameters)
        XCTAssertNotEqual(network.parameters, untrained.parameters, "two steps were taken; the weights keep them")
    }

    func testClassificationEpochsRecordTheValidationAccuracyEvaluationGives() throws {
        let data = try TrainingFixtures.digits()
        let network = try Network(.model(.mlpNet(try MLPNetOptions(hidden: [16]))))
        let run = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 2, learningRate: 1e-2, batchSize: 64))
        let best = try XCTUnwrap(run.bestEpoch)
        guard case .classification(let accuracy) = try Evaluation.evaluate(network, on: data.split(.valid)) else {
            return XCTFail("classification data must give an accuracy")
        }
        XCTAssertEqual(run.epochs[best - 1].validAccuracy, accuracy)
        XCTAssertEqual(run.epochs.compactMap(\.validAccuracy).count, 2)
        let forecast = try Trainer.train(
            try TrainingFixtures.spikeRNN(), on: try TrainingFixtures.sines(),
            options: try TrainingOptions(epochs: 1, batchSize: 64))
        XCTAssertNil(forecast.epochs[0].validAccuracy)
    }

    func testAnInterruptedComparisonKeepsItsFinishedRunsAndSaysWhereItStopped() throws {
        let data = try TrainingFixtures.sines()
        let models = [("none", try TrainingFixtures.spikeRNN(encoding: .none)), ("cpg", try TrainingFixtures.spikeRNN())]
        let options = try TrainingOptions(epochs: 1, batchSize: 64)
        nonisolated(unsafe) var stopRequested = false
        let partial = try Comparison.run(
            models: models, on: data, options: options, seeds: [0, 1],
            progress: { if $0.model == "cpg", $0.seed == 1 { stopRequested = true } },
            isCancelled: { stopRequested })
        let whole = try Comparison.run(models: models, on: data, options: options, seeds: [0, 1])

        XCTAssertEqual(partial.interruption, Comparison.Interruption(model: "cpg", seed: 1, run: 4, runs: 4))
        XCTAssertNil(whole.interruption)
        XCTAssertEqual(partial.finishedRuns, 3)
        XCTAssertEqual(partial.rows.map(\.name), ["none", "cpg"])
        XCTAssertEqual(partial.rows.map(\.runs.count), [2, 1])
        XCTAssertEqual(partial.rows[0].metrics["r2"]?.samples, whole.rows[0].metrics["r2"]?.samples)
        XCTAssertEqual(partial.rows[1].metrics["r2"]?.samples, Array(try XCTUnwrap(whole.rows[1].metrics["r2"]?.samples.prefix(1))))
        XCTAssertEqual(partial.rows[1].runs[0].stepLosses, whole.rows[1].runs[0].stepLosses)
        XCTAssertEqual(whole.rows.map(\.runs.count), [2, 2])
    }
}
