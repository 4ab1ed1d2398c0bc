import XCTest

@testable import SpikeLang

/// A cell interrupted during `train` or `compare` fails with an honest `Interrupted` message,
/// and the next cell finds what was done through `last_run()`.
///
/// The interrupt lands at a chosen poll: the polls of shorter, uninterrupted cells with the
/// same work say where each epoch (or run) ends, since the same work polls the same number of
/// times.
final class InterruptedTrainingSessionTests: XCTestCase {
    private let setup = "digits = dataset(\"digits\")\nfn net() = flatten() >> linear(10)"

    private func session() -> Session {
        let session = Session()
        XCTAssertNil(session.run(setup, output: RecordingSink()).failure)
        return session
    }

    /// How often a cell polls the interrupt flag when it runs to the end.
    private func polls(_ cell: String) -> Int {
        let sink = RecordingSink()
        XCTAssertNil(session().run(cell, output: sink).failure)
        return sink.polls
    }

    private func value(_ session: Session, _ cell: String) -> String? {
        let outcome = session.run(cell, output: RecordingSink())
        XCTAssertNil(outcome.failure, outcome.failure?.message ?? "")
        return outcome.result?.plain
    }

    private func train(epochs: Int) -> String {
        "m = net()\ntrain(m, digits, epochs=\(epochs), lr=0.01, progress=false, seed=3)"
    }

    func testATrainInterruptedInItsThirdEpochKeepsTheTwoFinishedEpochsAsLastRun() throws {
        let one = polls(train(epochs: 1))
        let two = polls(train(epochs: 2))
        let session = session()
        let outcome = session.run(train(epochs: 4), output: RecordingSink(cancelAfterPolls: two + (two - one) / 2))
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.name, "Interrupted")
        XCTAssertNil(session.run("r = last_run()", output: RecordingSink()).failure)
        // The uninterrupted two-epoch run is the oracle for the finished epochs.
        XCTAssertNil(
            session.run(
                "n = net()\nfull = train(n, digits, epochs=2, lr=0.01, progress=false, seed=3)",
                output: RecordingSink()
            ).failure)
        let best = try XCTUnwrap(value(session, "full.best_epoch"))
        XCTAssertEqual(
            failure.diagnostics.first?.problem.message,
            "train interrupted in epoch 3 of 4; the network has the weights of its best epoch \(best); "
                + "the run so far (2 finished epochs, best epoch \(best)) is last_run()")
        XCTAssertEqual(value(session, "[r.epochs, r.best_epoch, r.interrupted]"), "[2, \(best), true]")
        XCTAssertEqual(
            value(session, "[r.train_loss == full.train_loss, r.valid_loss == full.valid_loss, r.valid_accuracy == full.valid_accuracy]"),
            "[true, true, true]")
        XCTAssertEqual(value(session, "r.stopped"), "\"interrupted in epoch 3 (best epoch \(best)'s weights kept)\"")
        // The network has the best epoch's weights: it scores as the oracle's network does.
        XCTAssertEqual(value(session, "evaluate(m, digits.test).accuracy == evaluate(n, digits.test).accuracy"), "true")
    }

    func testATrainInterruptedInItsFirstEpochSaysTheWeightsAreAsInterrupted() throws {
        let one = polls(train(epochs: 1))
        let session = session()
        let failure = try XCTUnwrap(session.run(train(epochs: 3), output: RecordingSink(cancelAfterPolls: one / 2)).failure)
        XCTAssertEqual(failure.name, "Interrupted")
        XCTAssertEqual(
            failure.diagnostics.first?.problem.message,
            "train interrupted in epoch 1 of 3, before any epoch finished; the network keeps its weights "
                + "as they were when interrupted; the run so far (0 finished epochs, no best epoch) is last_run()")
        XCTAssertEqual(
            value(session, "r = last_run()\n[r.epochs, r.best_epoch, r.interrupted, len(r.step_loss) > 0]"),
            "[0, none, true, true]")
    }

    func testACompareInterruptedInItsLastRunKeepsTheFinishedRunsAsLastRun() throws {
        // Runs train on threads of their own, one at a time here; the progress display shows
        // each run as it starts, and the interrupt comes when the last one shows.
        let cell = "c = compare({a: net(), b: net()}, digits, epochs=3, seeds=[0, 1], workers=1)"
        let session = session()
        let failure = try XCTUnwrap(session.run(cell, output: RecordingSink(cancelWhenShown: "model b · seed 1")).failure)
        XCTAssertEqual(failure.name, "Interrupted")
        XCTAssertEqual(
            failure.diagnostics.first?.problem.message,
            "compare interrupted in run 4 of 4 ('b', seed 1); the comparison of the 3 finished runs is last_run()")
        XCTAssertEqual(session.run("c", output: RecordingSink()).failure?.name, "NameError", "the interrupted cell binds nothing")
        XCTAssertNil(
            session.run(
                "p = last_run()\nwhole = compare({a: net(), b: net()}, digits, epochs=3, seeds=[0, 1], progress=false)",
                output: RecordingSink()
            ).failure)
        XCTAssertEqual(value(session, "[p.interrupted, len(p.runs.a), len(p.runs.b), p.seeds]"), "[true, 2, 1, [0, 1]]")
        XCTAssertEqual(
            value(session, "[p.a.accuracy.values == whole.a.accuracy.values, p.b.accuracy.values[0] == whole.b.accuracy.values[0]]"),
            "[true, true]")
        XCTAssertTrue(value(session, "p")?.hasPrefix("test metrics of the 3 finished runs (interrupted in run 4 of 4)") ?? false)
        XCTAssertEqual(value(session, "[len(whole.b.runs), whole.b.runs[1].epochs, whole.interrupted]"), "[2, 3, false]")
    }
}
