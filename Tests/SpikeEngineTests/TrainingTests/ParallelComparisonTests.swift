import Synchronization
import XCTest

@testable import SpikeEngine

final class ParallelComparisonTests: XCTestCase {
    private func models() throws -> [(name: String, network: Network)] {
        [("none", try TrainingFixtures.spikeRNN(encoding: .none)), ("cpg", try TrainingFixtures.spikeRNN())]
    }

    func testRunsInParallelGiveBitIdenticalResultsToRunsOneAtATime() throws {
        let data = try TrainingFixtures.sines()
        let options = try TrainingOptions(epochs: 2, batchSize: 64)
        let sequential = try Comparison.run(models: try models(), on: data, options: options, seeds: [0, 1, 2], workers: 1)
        let parallel = try Comparison.run(models: try models(), on: data, options: options, seeds: [0, 1, 2], workers: 3)

        XCTAssertEqual(parallel.rows.map(\.name), ["none", "cpg"])
        for (one, many) in zip(sequential.rows, parallel.rows) {
            XCTAssertEqual(one.runs.map(\.stepLosses), many.runs.map(\.stepLosses))
            XCTAssertEqual(one.runs.map { $0.epochs.map(\.validLoss) }, many.runs.map { $0.epochs.map(\.validLoss) })
            for metric in sequential.metricNames {
                XCTAssertEqual(one.metrics[metric]?.samples, many.metrics[metric]?.samples, metric)
            }
        }
        // Seeds differ, so the runs of one model must differ (the comparison is not one run repeated).
        XCTAssertEqual(Set(parallel.rows[0].runs.map { $0.stepLosses.last ?? 0 }).count, 3)
    }

    func testProgressOfParallelRunsReachesTheCallerOnItsOwnThreadForEveryRun() throws {
        let data = try TrainingFixtures.sines()
        let caller = Thread.current
        var seen: Set<String> = []
        var offThread = 0
        _ = try Comparison.run(
            models: try models(), on: data, options: try TrainingOptions(epochs: 1, batchSize: 64), seeds: [0, 1],
            workers: 2,
            progress: { progress in
                seen.insert("\(progress.model)/\(progress.seed)")
                if Thread.current != caller { offThread += 1 }
            })
        XCTAssertEqual(seen, ["none/0", "none/1", "cpg/0", "cpg/1"])
        XCTAssertEqual(offThread, 0)
    }

    func testAFailingRunStopsTheComparisonWithItsError() throws {
        let data = try TrainingFixtures.sines()
        // 5 numbers per example cannot be read from windows of 12 steps × 4 variates.
        let broken = try Network(
            .model(.spikeRNN(try SpikeRNNOptions(hidden: 16, layers: 1, steps: 2, encoding: .none, neuron: try LIF()))),
            example: [5])
        XCTAssertThrowsError(
            try Comparison.run(
                models: [("ok", try TrainingFixtures.spikeRNN()), ("broken", broken)], on: data,
                options: try TrainingOptions(epochs: 1, batchSize: 64), seeds: [0, 1], workers: 2)
        ) { error in
            guard case EngineError.value(let argument, let message) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(argument, .inputs)
            XCTAssertTrue(message.contains("[5]"), message)
        }
    }

    func testAPoolRunsEveryJobOnceAndRelaysEachJobsEventsInOrder() {
        let started = Atomic<Int>(0)
        var events: [Int: [Int]] = [:]
        let outcomes = RunPool.run(
            count: 6, workers: 3,
            job: { index, report, _ in
                started.add(1, ordering: .relaxed)
                for step in 0..<5 { report(step) }
                return index * index
            }, onEvent: { index, step in events[index, default: []].append(step) }, isCancelled: nil)

        XCTAssertEqual(outcomes.results, [0, 1, 4, 9, 16, 25])
        XCTAssertFalse(outcomes.interrupted)
        XCTAssertEqual(started.load(ordering: .relaxed), 6)
        XCTAssertEqual(events, Dictionary(uniqueKeysWithValues: (0..<6).map { ($0, [0, 1, 2, 3, 4]) }))
    }

    func testAnInterruptedPoolStartsNoFurtherJobsAndTellsRunningOnesToStop() {
        // The interrupt comes once both threads' first jobs have reported, so both are running.
        nonisolated(unsafe) var started: Set<Int> = []
        let outcomes = RunPool.run(
            count: 10, workers: 2,
            job: { index, report, stopped in
                report(index)
                // A long job that ends only when told to stop (bounded, so a bug fails instead of hanging).
                for _ in 0..<50_000 where !stopped() { usleep(100) }
                return stopped() ? -1 : index
            }, onEvent: { index, _ in started.insert(index) }, isCancelled: { started.count >= 2 })

        XCTAssertTrue(outcomes.interrupted)
        XCTAssertEqual(outcomes.results.compactMap { $0 }, [-1, -1])
        XCTAssertEqual(outcomes.results.filter { $0 == nil }.count, 8)
    }
}
