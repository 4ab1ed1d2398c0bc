import Foundation
import SpikeEngine
import XCTest

@testable import SpikeLang

/// Builtin parameters are declared once, with their kind, default and doc: the declaration
/// feeds the signature, help and the body's typed reads, and engine errors keyed by
/// `EngineParameter` come back under the names the signatures use.
final class BuiltinDeclarationTests: XCTestCase {
    let library = Library()

    func testEveryParameterOfEveryBuiltinHasAOneLineDocThatHelpShows() {
        for builtin in library.builtins {
            let parameters = [builtin.signature.variadic].compactMap { $0 } + builtin.signature.parameters
            for parameter in parameters {
                XCTAssertFalse(parameter.doc.isEmpty, "\(builtin.name)(\(parameter.name)) has no doc")
                XCTAssertFalse(parameter.doc.contains("\n"), "\(builtin.name)(\(parameter.name))")
                XCTAssertTrue(builtin.helpText.contains("\n    \(parameter.name): \(parameter.doc)"), "\(builtin.name)(\(parameter.name))")
            }
        }
    }

    func testHelpShowsTheSignatureTheSummaryThenOneLinePerParameter() {
        XCTAssertEqual(
            library["clear_output"]?.helpText,
            """
            clear_output(wait=false)
                Clears the cell's output so far; with wait=true, only when the next output arrives.
                wait: clear only when the next output arrives (no flicker)
            """)
        XCTAssertEqual(
            library["layernorm"]?.helpText,
            "layernorm()\n    Layer normalization over the features of each position.")
    }

    func testEveryEngineParameterSpelledAsAnArgumentIsAParameterOfSomeBuiltin() {
        let names = Set(library.builtins.flatMap(\.signature.parameterNames))
        for key in EngineParameter.allCases {
            guard case .argument(let name) = key.spelling else { continue }
            XCTAssertTrue(names.contains(name), "\(key) is spelled '\(name)', which no builtin takes")
        }
    }

    func testEngineErrorsAreReportedAtTheArgumentOfTheBuiltinCalled() {
        // code, the argument the engine names, and where it was written.
        let cases: [(String, String, SourceRange)] = [
            ("lif(tau=0.5)", "lif(): 'tau' ", SourceRange(line: 1, column: 5, length: 3)),
            ("sigmoid(alpha=-1)", "sigmoid(): 'alpha' ", SourceRange(line: 1, column: 9, length: 5)),
            ("cpg(pairs=0)", "cpg(): 'pairs' ", SourceRange(line: 1, column: 5, length: 5)),
            ("windows(synthetic(length=50), window=0)", "windows(): 'window' ", SourceRange(line: 1, column: 31, length: 6)),
            ("spikformer(dim=8, heads=3)", "spikformer(): 'heads' ", SourceRange(line: 1, column: 19, length: 5))
        ]
        for (code, prefix, range) in cases {
            let outcome = Session().run(code, output: RecordingSink())
            guard let diagnostic = outcome.failure?.diagnostics.first else {
                XCTFail("\(code) did not fail")
                continue
            }
            XCTAssertEqual(outcome.failure?.name, "ValueError", code)
            XCTAssertTrue(diagnostic.problem.message.hasPrefix(prefix), "\(code): \(diagnostic.problem.message)")
            XCTAssertEqual(diagnostic.range, range, code)
        }
    }

    func testReadingAParameterTheSignatureDoesNotDeclareIsAReportedProgrammingError() throws {
        var foreign: Param<Double>?
        _ = Builtin("donor", topic: .core, summary: "Declares tau.") { p in
            foreign = p.declare("tau", .number, default: 2, doc: "a parameter of another builtin")
            return { _, _ in .none }
        }
        let reader = Builtin("reader", topic: .core, summary: "Declares x only.") { p in
            _ = p.declare("x", .number, default: 1, doc: "its only parameter")
            return { _, _ in .none }
        }
        let call = SourceRange(line: 1, column: 1, length: 8)
        let arguments = try Arguments(matching: reader.signature, positional: [], named: [], callRange: call)
        XCTAssertThrowsError(try arguments[try XCTUnwrap(foreign)]) { error in
            XCTAssertEqual(
                error as? Diagnostic,
                Diagnostic(
                    .libraryFailure(function: "reader", message: "reads 'tau', which its signature does not declare"), at: call))
        }
    }

    func testAKindChecksItsArgumentWithTheLibrarysMessages() {
        let cases: [(String, String)] = [
            ("range(\"3\")", "TypeError: range(): 'n' must be a number, got a string"),
            ("range(2.5)", "ValueError: 'n' must be an integer, got 2.5"),
            ("mean_over(\"width\")", "ValueError: mean_over(): 'axis' must be one of \"time\", \"length\", got \"width\""),
            ("sum([1, 2], axis=\"a\")", "TypeError: sum(): 'axis' must be a number, got a string"),
            ("linear(0)", "ValueError: linear(): 'out' must be at least 1, got 0")
        ]
        for (code, expected) in cases {
            let outcome = Session().run(code, output: RecordingSink())
            let shown = outcome.failure.map { "\($0.name): " + ($0.diagnostics.first?.problem.message ?? "") }
            XCTAssertEqual(shown, expected, code)
        }
    }

    /// Every builtin's documented example (docs/library-examples.spk) runs without error: each
    /// body reads only parameters its signature declares, or the example would fail.
    func testEveryBuiltinsDocumentedExampleRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/library-examples.spk"), encoding: .utf8)
        var sections: [(name: String, code: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#%%") {
                sections.append((line.dropFirst(3).trimmingCharacters(in: .whitespaces), ""))
            } else if !sections.isEmpty, !line.hasPrefix("#:") {
                sections[sections.count - 1].code += line + "\n"
            }
        }
        XCTAssertEqual(Set(sections.map(\.name)), Set(library.names))
        let previous = FileManager.default.currentDirectoryPath
        // The examples read data files by paths relative to the repository.
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(root.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        for (name, code) in sections {
            let sink = RecordingSink()
            sink.inputLine = "Ada"  // as the examples' header says
            let outcome = Session().run(code, output: sink)
            XCTAssertNil(outcome.failure, "\(name): \(outcome.failure.map { "\($0.name): \($0.message)" } ?? "")")
        }
    }
}
