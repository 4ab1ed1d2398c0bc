import XCTest

@testable import SpikeLang

/// Invariants of the library's declarations: each builtin is declared once, and that one
/// declaration is what help, %help, inspect and completion all show.
final class LibraryTests: XCTestCase {
    let library = Library()

    func testEveryBuiltinIsDeclaredOnceWithAOneLineSummaryAndDistinctParameters() {
        XCTAssertEqual(Set(library.names).count, library.names.count, "duplicate builtin names")
        for builtin in library.builtins {
            XCTAssertFalse(builtin.summary.isEmpty, builtin.name)
            XCTAssertFalse(builtin.summary.contains("\n"), builtin.name)
            XCTAssertEqual(Set(builtin.signature.parameterNames).count, builtin.signature.parameters.count, builtin.name)
            let firstOptional = builtin.signature.parameters.firstIndex { !$0.isRequired } ?? builtin.signature.parameters.count
            XCTAssertTrue(
                builtin.signature.parameters[firstOptional...].allSatisfy { !$0.isRequired },
                "\(builtin.name): a required parameter follows an optional one")
        }
    }

    func testTheStandardLibraryOfTheContractIsBound() {
        let contract = [
            "print", "display", "len", "range", "seed", "help", "lif", "atan", "sigmoid", "fast_sigmoid", "triangle",
            "rect", "simulate", "first_spike", "cpg", "sinusoidal", "relative", "random_code", "learnable", "encode",
            "cpg_oscillator", "distinct_codes", "tensor", "zeros", "ones", "randn", "sum", "mean", "max", "min",
            "transpose", "reshape", "tolist", "plot", "raster", "heatmap", "bar", "scatter", "table",
            "linear", "conv1d", "batchnorm", "layernorm", "dropout", "ssa", "mlp", "residual", "positional",
            "mean_over", "flatten", "conv_encoder", "delta_encoder", "repeat_encoder"
        ]
        XCTAssertEqual(contract.filter { library[$0] == nil }, [])
    }

    func testHelpPercentHelpAndInspectShowTheSameTextForEveryBuiltin() {
        let session = Session()
        for builtin in library.builtins {
            let sink = RecordingSink()
            let outcome = session.run("%help \(builtin.name)\nhelp(\(builtin.name))", output: sink)
            XCTAssertNil(outcome.failure, builtin.name)
            XCTAssertEqual(outcome.pages, [builtin.helpText])
            XCTAssertEqual(sink.stdout, builtin.helpText + "\n")
            XCTAssertEqual(session.inspect(builtin.name + "(", cursor: builtin.name.unicodeScalars.count + 1), builtin.helpText)
            XCTAssertTrue(builtin.helpText.hasPrefix(builtin.signature.text))
        }
    }

    func testTheSignatureTextShowsDefaultsInTheirSourceForm() {
        XCTAssertEqual(
            library["lif"]?.signature.text,
            "lif(tau=2, threshold=1, reset=\"zero\", fire=none, decay_input=true, detach_reset=true, surrogate=atan(), beta=none)")
        XCTAssertEqual(
            library["cpg"]?.signature.text, "cpg(pairs=5, tau=10000, threshold=0.8, index=\"rolling\", join=\"concat\")")
        XCTAssertEqual(library["simulate"]?.signature.text, "simulate(neuron, input=1.2, steps=20)")
    }

    func testHelpWithoutAnArgumentListsEveryBuiltinByTopic() {
        let overview = library.overview
        for builtin in library.builtins {
            XCTAssertTrue(overview.contains("  " + builtin.signature.text), builtin.name)
        }
        for topic in LibraryTopic.allCases {
            XCTAssertTrue(overview.contains(topic.rawValue + ":"), topic.rawValue)
        }
    }
}
