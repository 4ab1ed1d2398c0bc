import Foundation
import XCTest

@testable import SpikeLang

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Rich views: what each value gives besides text (SVG for figures and traces, HTML for
/// tables and tensors), checked by parsing the markup rather than by string snapshots.
final class DisplayTests: XCTestCase {
    private func result(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Rendering? {
        let outcome = Session().run(source, output: RecordingSink())
        XCTAssertNil(outcome.failure, outcome.failure?.traceback.joined(separator: "\n") ?? "", file: file, line: line)
        return outcome.result
    }

    private func parses(_ markup: String?, file: StaticString = #filePath, line: UInt = #line) {
        guard let markup, let data = markup.data(using: .utf8) else { return XCTFail("no markup", file: file, line: line) }
        let parser = XMLParser(data: data)
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")", file: file, line: line)
    }

    func testATraceShowsItsMembranePlotAndATextSummary() {
        let rendering = result("simulate(lif(tau=2), input=1.2, steps=12)")
        XCTAssertEqual(rendering?.plain, "trace: 12 steps, 4 spikes (first at step 3), threshold 1, membrane before reset 0.6…1.05")
        XCTAssertTrue(rendering?.svg?.hasPrefix("<svg") ?? false)
        parses(rendering?.svg)
        XCTAssertNil(rendering?.html)
    }

    func testARasterOfAnEncodingIsAnSVGFigureWithOneRowPerChannel() {
        let rendering = result("raster(encode(cpg(pairs=5, tau=10000), length=96))")
        parses(rendering?.svg)
        XCTAssertTrue(rendering?.plain.contains("10") ?? false, rendering?.plain ?? "")
    }

    func testAPlotOfARecordOfSeriesNamesEachSeries() {
        let rendering = result("plot({rise: [1, 2, 3], fall: [3, 2, 1]}, title=\"two <series>\")")
        parses(rendering?.svg)
        XCTAssertTrue(rendering?.svg?.contains("two &lt;series&gt;") ?? false, "the title is escaped")
        XCTAssertTrue(rendering?.svg?.contains("rise") ?? false)
        XCTAssertTrue(rendering?.svg?.contains("fall") ?? false)
    }

    func testATableGivesHTMLAndAlignedText() {
        let rendering = result("table([{model: \"<b>cpg</b>\", r2: 0.744}])")
        XCTAssertTrue(rendering?.html?.contains("&lt;b&gt;cpg&lt;/b&gt;") ?? false, "cells are escaped")
        parses(rendering?.html)
        XCTAssertTrue(rendering?.plain.contains("<b>cpg</b>") ?? false)
    }

    func testATensorGivesAnHTMLPreviewAndAShortText() {
        let rendering = result("encode(cpg(), length=64)")
        XCTAssertTrue(rendering?.plain.hasPrefix("tensor(shape=[64, 10], min=0, max=1, mean=") ?? false)
        parses(rendering?.html)
        XCTAssertTrue(rendering?.html?.contains("tensor [64, 10]") ?? false)
    }

    func testDisplayShowsAValueMidCellAndTheCellGoesOn() {
        let sink = RecordingSink()
        let outcome = Session().run("display(table({a: [1]}))\n\"after\"", output: sink)
        guard case .display(let shown, nil)? = sink.events.first else { return XCTFail("nothing displayed") }
        XCTAssertNotNil(shown.html)
        XCTAssertEqual(outcome.result?.plain, "\"after\"")
    }

    func testWhoShowsBindingsAsAnHTMLTable() {
        let session = Session()
        _ = session.run("neuron = lif()", output: RecordingSink())
        let sink = RecordingSink()
        _ = session.run("%who", output: sink)
        guard case .display(let shown, nil)? = sink.events.first else { return XCTFail("nothing displayed") }
        parses(shown.html)
        XCTAssertTrue(shown.plain.contains("neuron  a neuron"))
    }

    func testHeatmapBarScatterAndGridAreWellFormedSVG() {
        for source in [
            "heatmap(encode(cpg(), length=32), title=\"CPG-PE\")",
            "bar({none: {mean: 0.719, std: 0.01}, cpg: {mean: 0.744, std: 0.02}})",
            "bar({none: {r2: 0.7, mae: 0.3}, cpg: {r2: 0.74, mae: 0.28}})",
            "scatter([1, 2, 3], [3, 1, 2])",
            "grid([plot([1, 2]), simulate(lif())], columns=2)"
        ] {
            let rendering = result(source)
            XCTAssertTrue(rendering?.svg?.hasPrefix("<svg") ?? false, source)
            parses(rendering?.svg)
        }
    }

    func testDisplaysWithAnIdCanBeUpdatedAndOutputCleared() {
        let sink = RecordingSink()
        let outcome = Session().run("display(1, id=\"progress\")\nupdate_display(2, \"progress\")\nclear_output(wait=true)", output: sink)
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(
            sink.events,
            [
                .display(Rendering(plain: "1"), "progress"),
                .update(Rendering(plain: "2"), "progress"),
                .clear(true)
            ])
    }

    func testAnEncodingShowsItsRasterOrHeatmapAndEncodingsWithoutAMatrixShowText() {
        for source in ["cpg()", "random_code(channels=4)", "sinusoidal()"] {
            let rendering = result(source)
            XCTAssertTrue(rendering?.svg?.hasPrefix("<svg") ?? false, source)
            parses(rendering?.svg)
        }
        XCTAssertEqual(result("relative()"), Rendering(plain: "relative()"))
        XCTAssertEqual(result("learnable()"), Rendering(plain: "learnable()"))
    }

    func testANetworkShowsItsPartsAsAnHTMLTable() {
        let rendering = result("linear(64) >> lif() >> mean_over(\"time\")")
        parses(rendering?.html)
        XCTAssertTrue(rendering?.html?.contains("mean_over(&quot;time&quot;)") ?? false, rendering?.html ?? "")
        XCTAssertEqual(rendering?.plain.hasPrefix("linear(64, bias=true) >> lif("), true)
    }

    func testALargeTensorPreviewsItsFirstRowsAndSaysHowManyThereAre() {
        let rendering = result("encode(cpg(), length=1000, steps=4)")
        let html = rendering?.html ?? ""
        XCTAssertTrue(html.contains("first 50 of 4000 rows"), html.prefix(300).description)
        XCTAssertEqual(html.components(separatedBy: "<tr").count - 1, 51, "a header row and 50 rows")
        parses(rendering?.html)
    }
}
