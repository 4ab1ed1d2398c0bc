import SpikeLang
import XCTest

/// The language side of models and training: builtins, `>>`, live progress, interrupts and
/// the errors that name the culprit argument.
final class ModelLibraryTests: XCTestCase {
    let setup = """
        data = windows(synthetic("sines", length=300, variates=3), window=12, horizon=4)
        net = spike_rnn(hidden=8, layers=1, steps=4, pe=cpg(pairs=3))
        """

    @discardableResult
    func run(
        _ session: Session, _ source: String, sink: RecordingSink = RecordingSink(),
        file: StaticString = #filePath, line: UInt = #line
    ) -> CellOutcome {
        let outcome = session.run(source, output: sink)
        XCTAssertNil(outcome.failure, "\(outcome.failure?.message ?? "")", file: file, line: line)
        return outcome
    }

    func failure(_ session: Session, _ source: String) -> CellFailure? {
        session.run(source, output: RecordingSink()).failure
    }

    func testTrainingShowsALiveProgressBarUpdatedInPlace() throws {
        let session = Session()
        run(session, setup)
        let sink = RecordingSink()
        let outcome = run(session, "run = train(net, data, epochs=2, batch=16)\nrun", sink: sink)
        guard case .display(let first, let id)? = sink.events.first, let id else { return XCTFail("no progress display: \(sink.events)") }
        XCTAssertTrue(first.plain.contains("epoch 1/2"), first.plain)
        XCTAssertNotNil(first.html)
        let updates = sink.events.dropFirst().compactMap { event -> Rendering? in
            if case .update(let rendering, id) = event { return rendering }
            return nil
        }
        XCTAssertEqual(updates.count, sink.events.count - 1, "every later event updates the same display")
        XCTAssertTrue(updates.last?.plain.contains("completed") ?? false, updates.last?.plain ?? "")
        XCTAssertTrue(outcome.result?.plain.hasPrefix("spike_rnn: 2 epochs") ?? false, outcome.result?.plain ?? "")
        XCTAssertNotNil(outcome.result?.svg, "a run shows its loss curves")
    }

    func testAComparisonInParallelShowsARowForEveryRunTraining() throws {
        let session = Session()
        run(session, setup)
        let sink = RecordingSink()
        run(session, "c = compare({a: net}, data, epochs=4, batch=16, seeds=[0, 1], workers=2)", sink: sink)
        let shown = sink.events.compactMap { event -> Rendering? in
            switch event {
            case .display(let rendering, _), .update(let rendering, _): return rendering
            default: return nil
            }
        }
        let both = shown.first { $0.plain.contains("seed 0") && $0.plain.contains("seed 1") }
        XCTAssertNotNil(both, "two runs train at once, so some update shows both: \(shown.map(\.plain))")
        XCTAssertEqual(both?.plain.split(separator: "\n").count, 2)
        XCTAssertTrue(shown.last?.plain.contains("2 runs in") ?? false, shown.last?.plain ?? "")
    }

    func testScoresAndComparisonsSayWhichScaleTheirMetricsAreOn() throws {
        let session = Session()
        run(session, setup)
        run(session, "g = windows(synthetic(\"sines\", length=300, variates=3), window=12, horizon=4, normalize=\"global\")")
        run(session, "train(net, g, epochs=1, progress=false);")
        let scores = try XCTUnwrap(run(session, "evaluate(net, g.test)").result)
        XCTAssertTrue(scores.plain.hasPrefix("metrics on one global z-score (SeqSNN's scale)"), scores.plain)
        let table = try XCTUnwrap(run(session, "compare({a: net}, data, epochs=1, seeds=[0], progress=false)").result)
        XCTAssertTrue(table.plain.hasPrefix("test metrics over 1 seed, on per-variate z-scores; failed: r2 < 0.3 or nan"), table.plain)
    }

    func testANetworkShowsItsLayerTableOnceItHasMetData() throws {
        let session = Session()
        run(session, setup)
        XCTAssertEqual(run(session, "net").result?.plain, "spike_rnn(…)", "an unbuilt model shows as written")
        run(session, "train(net, data, epochs=1);")
        let shown = try XCTUnwrap(run(session, "net").result)
        XCTAssertTrue(shown.plain.hasPrefix("spike_rnn: "), shown.plain)
        let html = try XCTUnwrap(shown.html)
        for header in ["layer", "output shape", "parameters", "neurons"] { XCTAssertTrue(html.contains(header), header) }
        XCTAssertTrue(html.contains("4 × B × 12 × 8"), "the spiking layers' shape, batch as B")
    }

    func testTheSameSeedGivesTheSameLosses() throws {
        let session = Session()
        run(session, setup)
        run(
            session,
            """
            a = train(spike_rnn(hidden=8, layers=1), data, epochs=1, seed=3)
            b = train(spike_rnn(hidden=8, layers=1), data, epochs=1, seed=3)
            c = train(spike_rnn(hidden=8, layers=1), data, epochs=1, seed=4)
            """)
        XCTAssertEqual(run(session, "a.step_loss == b.step_loss").result?.plain, "true")
        XCTAssertEqual(run(session, "a.step_loss == c.step_loss").result?.plain, "false")
    }

    func testAnInterruptStopsTrainingAndKeepsTheNetwork() throws {
        let session = Session()
        run(session, setup)
        run(session, "train(net, data, epochs=1);")
        let outcome = session.run("train(net, data, epochs=50)", output: RecordingSink(cancelAfterPolls: 400))
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        // The network is intact and usable.
        XCTAssertEqual(run(session, "net.built").result?.plain, "true")
        run(session, "evaluate(net, data.test)")
    }

    func testCompositionBuildsANetworkAndCopiesAreIndependent() throws {
        let session = Session()
        run(session, setup)
        run(
            session,
            """
            composed = conv_encoder(steps=2) >> positional(cpg()) >> lif() >> mean_over("time") >> flatten() >> linear(12)
            train(composed, data, epochs=1);
            twin = copy(composed)
            """)
        XCTAssertEqual(
            run(session, "composed.layers").result?.plain,
            "[\"conv_encoder\", \"positional(cpg)\", \"lif\", \"mean_over(time)\", \"flatten\", \"linear\"]")
        XCTAssertEqual(run(session, "[twin == composed, composed == composed]").result?.plain, "[false, true]")
        XCTAssertEqual(failure(session, "1 >> linear(3)")?.name, "TypeError")
    }

    func testEvaluateCompareAndEnergyGiveTables() throws {
        let session = Session()
        run(session, setup)
        run(session, "train(net, data, epochs=1);")
        XCTAssertEqual(run(session, "s = evaluate(net, data.test)\n[s.r2 <= 1, s.mse >= 0]").result?.plain, "[true, true]")
        let comparison = try XCTUnwrap(
            run(session, "compare({a: spike_rnn(hidden=8, layers=1), b: mlp_net(hidden=[8])}, data, epochs=1, seeds=[0, 1])").result)
        XCTAssertTrue(comparison.plain.contains("mean ± std"), comparison.plain)
        XCTAssertNotNil(comparison.svg, "a comparison shows a grouped bar chart")
        let energy = try XCTUnwrap(run(session, "energy(net, data)").result)
        XCTAssertTrue(energy.plain.contains("SOPs"), energy.plain)
        XCTAssertEqual(run(session, "predict(net, data.test).shape").result?.plain, "[\(try count(session)), 4, 3]")
    }

    private func count(_ session: Session) throws -> String {
        try XCTUnwrap(run(session, "data.test.count").result?.plain)
    }

    func testBadArgumentsNameTheCulprit() throws {
        let session = Session()
        run(session, setup)
        let cases: [(String, String, String)] = [
            ("mlp_net(pe=cpg())", "TypeError", "pe"),
            ("ispikformer(pe=cpg())", "TypeError", "pe"),
            ("train(ispikformer(dim=8, heads=2), dataset(\"digits\"), epochs=1)", "ValueError", "model"),
            ("train(spike_rnn(), dataset(\"sunspots\"))", "ValueError", "data"),
            ("train(net, data.train)", "ValueError", "data"),
            ("spikformer(dim=10, heads=4)", "ValueError", "heads"),
            ("spikformer(pe=none, pe_in_mlp=true)", "ValueError", "pe_in_mlp"),
            ("train(net, data, epochs=0)", "ValueError", "epochs"),
            ("train(net, data, optimizer=\"rmsprop\")", "ValueError", "optimizer"),
            ("evaluate(spike_rnn(), data.test)", "ValueError", "model"),
            ("linear(0)", "ValueError", "out"),
            ("mean_over(\"batch\")", "ValueError", "axis"),
            ("compare([net], data)", "TypeError", "models")
        ]
        for (source, name, argument) in cases {
            let failure = self.failure(session, source)
            XCTAssertEqual(failure?.name, name, source)
            XCTAssertTrue(failure?.message.contains(argument) ?? false, "\(source): \(failure?.message ?? "no failure")")
        }
        run(session, "train(net, data, epochs=1);")
        let wrongTask = self.failure(session, "evaluate(net, dataset(\"digits\").test)")
        XCTAssertEqual(wrongTask?.name, "ValueError")
        XCTAssertTrue(wrongTask?.message.contains("split") ?? false, wrongTask?.message ?? "")
    }
}
