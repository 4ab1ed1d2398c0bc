import SpikeLang
import XCTest

/// IF and PLIF in the language: accepted by every `neuron=` (models, encoders, `>>`), and a
/// bad parameter or a non-neuron is reported at the argument (the rest of their behaviour is
/// in Golden/neuron_families.spk).
final class NeuronFamilyTests: XCTestCase {
    private let data = "data = windows(synthetic(\"sines\", length=200, variates=2), window=8, horizon=2)"

    private func result(_ session: Session, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let outcome = session.run(source, output: RecordingSink())
        XCTAssertNil(outcome.failure, outcome.failure?.message ?? "", file: file, line: line)
        return outcome.result?.plain
    }

    func testEveryModelAndEncoderTrainsWithEitherNewNeuron() {
        let session = Session()
        _ = result(session, data)
        for neuron in ["if_neuron()", "plif(tau=3)"] {
            for model in [
                "spike_rnn(hidden=8, layers=1, steps=2, neuron=\(neuron))",
                "spikformer(dim=8, depth=1, heads=2, steps=2, pe=relative(), neuron=\(neuron))",
                "spike_tcn(channels=[4], steps=2, neuron=\(neuron))",
                "ispikformer(dim=8, depth=1, heads=2, steps=2, neuron=\(neuron))",
                "delta_encoder(steps=2, neuron=\(neuron)) >> \(neuron) >> mean_over(\"time\") >> flatten() >> linear(4)"
            ] {
                XCTAssertEqual(result(session, "r = train(\(model), data, epochs=1, batch=32)\nr.epochs", line: #line), "1", model)
            }
        }
    }

    func testAComposedNetworkNamesItsNeuronLayersByFamily() {
        let session = Session()
        _ = result(session, data)
        _ = result(
            session,
            "net = repeat_encoder(steps=2) >> linear(4) >> if_neuron() >> linear(4) >> plif() >> mean_over(\"time\") >> flatten() >> linear(4)\ntrain(net, data, epochs=1);"
        )
        XCTAssertEqual(
            result(session, "net.layers"),
            "[\"repeat_encoder\", \"linear\", \"if_neuron\", \"linear\", \"plif\", \"mean_over(time)\", \"flatten\", \"linear\"]")
    }

    func testASimulationsPlotIsTitledWithItsNeuronFamily() {
        for (neuron, title) in [
            ("lif()", "LIF membrane and spikes"), ("if_neuron()", "IF membrane and spikes"), ("plif()", "PLIF membrane and spikes")
        ] {
            let svg = Session().run("simulate(\(neuron), steps=5)", output: RecordingSink()).result?.svg ?? ""
            XCTAssertTrue(svg.contains(title), "\(neuron): \(svg.prefix(300))")
        }
    }

    func testABadNeuronParameterIsReportedAtItsArgument() {
        let cases: [(String, String, String)] = [
            ("spike_rnn(neuron=plif(tau=0.5))", "ValueError", "1:23"),
            ("conv_encoder(neuron=if_neuron(v_reset=1))", "ValueError", "1:31"),
            ("spike_tcn(neuron=\"plif\")", "TypeError", "1:11")
        ]
        for (source, kind, place) in cases {
            let failure = Session().run(source, output: RecordingSink()).failure
            XCTAssertEqual(failure?.name, kind, source)
            XCTAssertTrue(failure?.message.hasPrefix("at \(place):") ?? false, "\(source): \(failure?.message ?? "no failure")")
        }
    }
}
