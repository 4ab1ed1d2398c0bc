import JupyterKernel
import JupyterWire
import XCTest

@testable import SpikeKernel

/// The adapter between the kernel and the language, driven the way the kernel drives it.
final class SpikeInterpreterTests: XCTestCase {
    private var outputs: [ExecutionOutput] = []

    private func execute(_ interpreter: SpikeInterpreter, _ code: String, cancelled: Bool = false) -> ExecutionOutcome {
        let flag = CancellationFlag()
        if cancelled { flag.set() }
        let context = ExecutionContext(executionCount: 1, cancellation: flag, streamInterval: 0) { [weak self] in
            self?.outputs.append($0)
        }
        let outcome = interpreter.execute(ExecuteRequest(code: code), context: context)
        context.flush()
        return outcome
    }

    private func result(_ outcome: ExecutionOutcome, file: StaticString = #filePath, line: UInt = #line) -> MimeBundle? {
        guard case .success(let result, _) = outcome else {
            XCTFail("expected success, got \(outcome)", file: file, line: line)
            return nil
        }
        return result
    }

    func testANumberResultIsPlainTextOnly() {
        let bundle = result(execute(SpikeInterpreter(), "6 * 7"))
        XCTAssertEqual(bundle, MimeBundle(plain: "42"))
    }

    func testATraceResultCarriesAnSVGFigureAndItsTextForm() throws {
        let bundle = try XCTUnwrap(result(execute(SpikeInterpreter(), "simulate(lif(tau=2), input=1.2, steps=12)")))
        let svg = try XCTUnwrap(bundle.data["image/svg+xml"]?.stringValue)
        XCTAssertTrue(svg.hasPrefix("<svg"), String(svg.prefix(40)))
        XCTAssertTrue(try XCTUnwrap(bundle.plainText).contains("4 spikes"))
        XCTAssertNil(bundle.data["text/html"])
    }

    func testATableResultCarriesHTMLAndAlignedText() throws {
        let bundle = try XCTUnwrap(result(execute(SpikeInterpreter(), #"table([{name: "a<b", value: 1}])"#)))
        let html = try XCTUnwrap(bundle.data["text/html"]?.stringValue)
        XCTAssertTrue(html.contains("a&lt;b"), html)
        XCTAssertTrue(try XCTUnwrap(bundle.plainText).contains("a<b"))
    }

    func testPrintIsStreamedToStdout() {
        _ = execute(SpikeInterpreter(), #"print("hello, world")"#)
        XCTAssertEqual(outputs, [.stream(.stdout, "hello, world\n")])
    }

    func testDisplayPublishesMidCellBeforeTheResult() {
        let outcome = execute(SpikeInterpreter(), "display(1 + 1)\n3")
        XCTAssertEqual(outputs, [.display(MimeBundle(plain: "2"), displayID: nil)])
        XCTAssertEqual(result(outcome), MimeBundle(plain: "3"))
    }

    func testAFailureBecomesAnErrorWithTheSourceLineAndACaret() throws {
        guard case .failure(let error) = execute(SpikeInterpreter(), "x = 1\ny = nope + 1") else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(error.name, "NameError")
        XCTAssertTrue(error.value.contains("nope"), error.value)
        XCTAssertTrue(error.traceback.contains { $0.contains("y = nope + 1") }, "\(error.traceback)")
        let caretLine = try XCTUnwrap(error.traceback.first { $0.contains("^") })
        XCTAssertTrue(caretLine.hasSuffix("    ^^^^"), caretLine)
    }

    func testBindingsMadeBeforeAFailingStatementSurvive() {
        let interpreter = SpikeInterpreter()
        _ = execute(interpreter, "a = 5\nb = a / tensor([1, 2]) + [1]\nc = 3")
        XCTAssertEqual(result(execute(interpreter, "a")), MimeBundle(plain: "5"))
        guard case .failure(let error) = execute(interpreter, "c") else { return XCTFail("c must not be bound") }
        XCTAssertEqual(error.name, "NameError")
    }

    func testAnInterruptedCellFailsWithInterruptedAndKeepsTheSession() {
        let interpreter = SpikeInterpreter()
        _ = execute(interpreter, "kept = 7")
        guard case .failure(let error) = execute(interpreter, "for i in 0..1000000 { x = i }", cancelled: true) else {
            return XCTFail("expected the loop to be interrupted")
        }
        XCTAssertEqual(error.name, "Interrupted")
        XCTAssertEqual(result(execute(interpreter, "kept")), MimeBundle(plain: "7"))
    }

    func testHelpMagicOpensAPagerPayload() {
        guard case .success(let result, let payloads) = execute(SpikeInterpreter(), "%help lif") else {
            return XCTFail("expected success")
        }
        XCTAssertNil(result)
        XCTAssertEqual(payloads.count, 1)
        guard case .page(let text, _) = payloads[0] else { return XCTFail("expected a page") }
        XCTAssertTrue(text.hasPrefix("lif("), text)
    }

    func testUserExpressionsRenderValuesAndFailures() {
        let interpreter = SpikeInterpreter()
        _ = execute(interpreter, "z = 2")
        XCTAssertEqual(interpreter.evaluate("z * 10"), .value(MimeBundle(plain: "20")))
        guard case .failure(let error) = interpreter.evaluate("zz") else { return XCTFail("expected a failure") }
        XCTAssertEqual(error.name, "NameError")
    }

    func testIsCompleteFollowsOpenBracketsAndLexicalErrors() {
        let interpreter = SpikeInterpreter()
        XCTAssertEqual(interpreter.isComplete("x = 1"), .complete)
        guard case .incomplete = interpreter.isComplete("f(1,") else { return XCTFail("an open call is incomplete") }
        XCTAssertEqual(interpreter.isComplete(#"print("abc"#), .invalid)
    }

    func testCompletionRangesCountUnicodeCodePoints() {
        let code = "𝐚 = 1\nsimu"
        let completion = SpikeInterpreter().complete(code, cursor: code.unicodeScalars.count)
        XCTAssertEqual(completion.cursorEnd, code.unicodeScalars.count)
        XCTAssertEqual(completion.cursorStart, code.unicodeScalars.count - 4)
        XCTAssertEqual(completion.matches, ["simulate"])
    }

    func testKernelInfoNamesTheLanguageAsJupyterExpects() {
        let info = SpikeInterpreter().info
        XCTAssertEqual(info.languageInfo.name, "spike")
        XCTAssertEqual(info.languageInfo.fileExtension, ".spk")
        XCTAssertEqual(info.languageInfo.mimetype, "text/x-spike")
    }

    func testKernelInfoNamesTheSpikePygmentsLexerSoExportsHighlightSpikeAsSpike() {
        // The lexer is registered under this alias by the Python companion package (python/).
        XCTAssertEqual(SpikeInterpreter().info.languageInfo.pygmentsLexer, "spike")
    }

    func testMarkdownIsShownAsTextMarkdownBesideThePlainText() throws {
        let bundle = try XCTUnwrap(result(execute(SpikeInterpreter(), #"markdown("**bold** <b>")"#)))
        XCTAssertEqual(bundle.data["text/markdown"], .string("**bold** <b>"))
        XCTAssertEqual(bundle.data["text/plain"], .string("**bold** <b>"))
        XCTAssertNil(bundle.data["text/html"])
    }

    func testCompletionDetailsGiveEachMatchsTypeAndSignature() {
        let completion = SpikeInterpreter().complete("lif(ta", cursor: 6)
        XCTAssertEqual(completion.details.count, completion.matches.count)
        XCTAssertEqual(completion.matches.first, "tau=")
        XCTAssertEqual(completion.details.first?.type, "param")
        let entries = completion.replyMetadata["_jupyter_types_experimental"]
        guard case .array(let items)? = entries, case .object(let first)? = items.first else {
            return XCTFail("no _jupyter_types_experimental in \(completion.replyMetadata)")
        }
        XCTAssertEqual(first["text"], .string("tau="))
        XCTAssertEqual(first["start"], .int(4))
        XCTAssertEqual(first["end"], .int(6))
    }

    func testHelpLinksPointAtTheReferencesUnderTheOverriddenBase() {
        let docs = DocsLinks(environment: [DocsLinks.variable: "https://example.org/docs"], executable: nil)
        let urls = SpikeInterpreter(docs: docs).info.helpLinks.map(\.url)
        XCTAssertEqual(Array(urls.prefix(2)), ["language", "library"].map { "https://example.org/docs/\($0).md" })
        XCTAssertEqual(SpikeInterpreter().info.helpLinks.count, 1, "no base, no reference links")
    }

    func testFigureFormatBothSendsAPNGWithItsDisplaySizeBesideTheSVG() throws {
        let interpreter = SpikeInterpreter()
        let svgOnly = try XCTUnwrap(result(execute(interpreter, "plot([1, 3, 2])")))
        XCTAssertNil(svgOnly.data["image/png"], "SVG alone by default")
        let both = try XCTUnwrap(result(execute(interpreter, "%figure_format both\nplot([1, 3, 2])")))
        XCTAssertNotNil(both.data["image/svg+xml"])
        let png = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(both.data["image/png"]?.stringValue)))
        XCTAssertEqual(Array(png.prefix(4)), [137, 80, 78, 71])
        guard case .object(let size)? = both.metadata["image/png"], case .int(let width)? = size["width"] else {
            return XCTFail("no image/png size in \(both.metadata)")
        }
        let pixelsWide = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(pixelsWide, 2 * width)
        let pngOnly = try XCTUnwrap(result(execute(interpreter, "%figure_format png\nsimulate(lif(), input=1.2)")))
        XCTAssertNil(pngOnly.data["image/svg+xml"])
        XCTAssertNotNil(pngOnly.data["image/png"])
    }

    func testAnUnknownFigureFormatIsAnErrorThatNamesTheChoices() {
        guard case .failure(let error) = execute(SpikeInterpreter(), "%figure_format jpeg") else {
            return XCTFail("expected a failure")
        }
        XCTAssertTrue(error.value.contains("svg, png or both"), error.value)
    }
}
