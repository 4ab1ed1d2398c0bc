import XCTest

@testable import SpikeEngine

final class TrainerTests: XCTestCase {
    func testTheSameSeedGivesABitIdenticalRun() throws {
        let data = try TrainingFixtures.sines()
        let options = try TrainingOptions(epochs: 2, batchSize: 32, seed: 7)
        let a = try TrainingFixtures.spikeRNN()
        let b = try TrainingFixtures.spikeRNN()
        let runA = try Trainer.train(a, on: data, options: options)
        let runB = try Trainer.train(b, on: data, options: options)
        XCTAssertFalse(runA.stepLosses.isEmpty)
        XCTAssertEqual(runA.stepLosses, runB.stepLosses)
        XCTAssertEqual(runA.epochs.map(\.validLoss), runB.epochs.map(\.validLoss))
        XCTAssertEqual(a.parameters, b.parameters)
    }

    func testAnotherSeedGivesAnotherRun() throws {
        let data = try TrainingFixtures.sines()
        let runA = try Trainer.train(
            try TrainingFixtures.spikeRNN(), on: data, options: try TrainingOptions(epochs: 1, batchSize: 32, seed: 1))
        let runB = try Trainer.train(
            try TrainingFixtures.spikeRNN(), on: data, options: try TrainingOptions(epochs: 1, batchSize: 32, seed: 2))
        XCTAssertNotEqual(runA.stepLosses, runB.stepLosses)
    }

    func testTrainingAFloatModelLowersTheValidationLoss() throws {
        let data = try TrainingFixtures.sines()
        let network = try Network(.model(.mlpNet(try MLPNetOptions(hidden: [32]))))
        let run = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 8, learningRate: 1e-2, batchSize: 16))
        let losses = run.epochs.map(\.validLoss)
        XCTAssertLessThan(try XCTUnwrap(losses.min()), losses[0] * 0.8)
    }

    func testTheNetworkEndsWithTheWeightsOfItsBestValidationEpoch() throws {
        let data = try TrainingFixtures.sines()
        let network = try TrainingFixtures.spikeRNN()
        let run = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 3, learningRate: 3e-2, batchSize: 32))
        let best = try XCTUnwrap(run.bestValidLoss)
        XCTAssertEqual(best, run.epochs.map(\.validLoss).min())
        XCTAssertEqual(network.parameters, run.bestParameters)
        let again = try Evaluation.loss(network, on: data.split(.valid), loss: .mse, batchSize: 32)
        XCTAssertEqual(again, best, accuracy: 1e-9)
    }

    func testEarlyStoppingEndsPatienceEpochsAfterTheBestOne() throws {
        let data = try TrainingFixtures.sines()
        // SGD at a learning rate far too high diverges after the first epoch.
        let network = try Network(.model(.mlpNet(try MLPNetOptions(hidden: [32]))))
        let options = try TrainingOptions(epochs: 30, learningRate: 5, batchSize: 8, optimizer: .sgd, clip: nil, patience: 2)
        let run = try Trainer.train(network, on: data, options: options)
        let best = try XCTUnwrap(run.bestEpoch)
        XCTAssertEqual(run.stop, .earlyStopped(epoch: best + 2))
        XCTAssertEqual(run.epochs.count, best + 2)
        XCTAssertEqual(network.parameters, run.bestParameters)
    }

    func testAnInterruptStopsTheRunAndLeavesTheBestWeightsSoFar() throws {
        let data = try TrainingFixtures.sines()
        let network = try TrainingFixtures.spikeRNN()
        var stopRequested = false
        let run = try Trainer.train(
            network, on: data, options: try TrainingOptions(epochs: 5, batchSize: 32),
            progress: { if $0.epoch == 2 { stopRequested = true } }, isCancelled: { stopRequested })
        XCTAssertEqual(run.stop, .interrupted)
        XCTAssertEqual(run.bestEpoch, 1)
        XCTAssertEqual(run.epochs.count, 1)
        XCTAssertEqual(network.parameters, run.bestParameters)
    }

    func testProgressCountsEveryBatchOfEveryEpoch() throws {
        let data = try TrainingFixtures.sines()
        var seen: [TrainingProgress] = []
        _ = try Trainer.train(
            try TrainingFixtures.spikeRNN(), on: data, options: try TrainingOptions(epochs: 2, batchSize: 64),
            progress: { seen.append($0) })
        let batches = (data.split(.train).count + 63) / 64
        XCTAssertEqual(seen.count, 2 * batches)
        XCTAssertEqual(seen.last?.fraction, 1)
        XCTAssertEqual(seen.last?.remaining, 0)
        XCTAssertEqual(seen.map(\.batch), Array(1...batches) + Array(1...batches))
    }

    func testClassificationTrainsWithCrossEntropyAndReportsAccuracy() throws {
        let data = try TrainingFixtures.digits()
        let network = try Network(.model(.mlpNet(try MLPNetOptions(hidden: [32]))))
        _ = try Trainer.train(network, on: data, options: try TrainingOptions(epochs: 3, learningRate: 1e-2, batchSize: 64))
        guard case .classification(let accuracy) = try Evaluation.evaluate(network, on: data.split(.test)) else {
            return XCTFail("classification data must give an accuracy")
        }
        XCTAssertGreaterThan(accuracy, 0.5)
    }

    func testOptionsOutOfTheirDomainNameTheArgument() {
        let cases: [(EngineParameter, () throws -> TrainingOptions)] = [
            (.epochs, { try TrainingOptions(epochs: 0) }),
            (.learningRate, { try TrainingOptions(learningRate: -1) }),
            (.batchSize, { try TrainingOptions(batchSize: 0) }),
            (.clip, { try TrainingOptions(clip: 0) }),
            (.patience, { try TrainingOptions(patience: 0) })
        ]
        for (argument, make) in cases {
            XCTAssertThrowsError(try make()) { error in
                guard case EngineError.value(let named, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(named, argument)
            }
        }
    }

    func testDataOfAnotherShapeThanTheBuiltNetworkIsAClearError() throws {
        let network = try TrainingFixtures.spikeRNN()
        _ = try Trainer.train(network, on: try TrainingFixtures.sines(), options: try TrainingOptions(epochs: 1, batchSize: 64))
        let other = TaskData.forecasting(
            try ForecastingSet(
                try Series.synthetic(kind: .sines, length: 240, variates: 4, seed: 3), window: 10, horizon: 4))
        XCTAssertThrowsError(try Trainer.train(network, on: other, options: try TrainingOptions(epochs: 1))) { error in
            guard case EngineError.value(let argument, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(argument, .data)
        }
    }
}
