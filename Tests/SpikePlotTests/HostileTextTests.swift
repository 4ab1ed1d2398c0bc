import XCTest

@testable import SpikePlot

/// Whatever text a user gives (markup, entities, quotes, emoji, right-to-left scripts, control
/// characters) stays text: the SVG and HTML parse, no element is injected, the text reads back.
final class HostileTextTests: XCTestCase {
    static let hostile = [
        "<script>alert(1)</script>",
        "a & b &amp; <b>bold</b>",
        "\"double\" and 'single' quotes",
        "emoji 🧠⚡️ spikes",
        "עברית ومعها العربية",
        "nul\u{0}bell\u{7}end",
        "]]><!-- -->"
    ]

    /// What a hostile string reads as after escaping: forbidden controls become U+FFFD.
    static func readBack(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" ? "\u{FFFD}" : $0 }))
    }

    func testHostileLabelsInEveryFigureKindStayText() throws {
        for label in Self.hostile {
            var line = LinePlot(series: [.init(label, y: [1, 2, 3]), .init("b", y: [3, 1, 2])], title: label, xLabel: label, yLabel: label)
            line.width = 900
            var raster = SpikeRaster(matrix: [[1, 0, 1]], title: label)
            raster.xLabel = label
            var trace = MembraneTrace(membrane: [0.2, 0.9, 0], spikes: [false, true, false], threshold: 1, title: label)
            trace.yLabel = label
            let heatmap = Heatmap(matrix: [[1, 2]], title: label, xLabel: label, yLabel: label)
            let bars = BarChart(categories: [label, "x"], series: [.init(label, values: [1, 2]), .init("b", values: [2, 1])], title: label)
            let scatter = ScatterPlot(series: [.init(label, x: [1], y: [2])], title: label)
            let grid = FigureGrid(panels: [.line(line), .heatmap(heatmap)], title: label)
            let figures: [Figure] = [
                .line(line), .raster(raster), .membrane(trace), .heatmap(heatmap), .bar(bars), .scatter(scatter), .grid(grid)
            ]
            for figure in figures {
                let root = try XCTUnwrap(XMLNode.parse(figure.svg()), label)
                XCTAssertTrue(root.elements("script").isEmpty, label)
                XCTAssertTrue(root.elements("b").isEmpty, label)
                let texts = root.elements("text").map(\.text)
                XCTAssertTrue(texts.contains(Self.readBack(label)), "\(label) not found as text in \(texts)")
            }
        }
    }

    func testHostileTableCellsAndHeadersStayTextInHTML() throws {
        for label in Self.hostile {
            let table = Table(columns: [label, "n"], rows: [[.text(label), .number(1)]], title: label)
            let root = try XCTUnwrap(XMLNode.parse(table.html()), label)
            XCTAssertEqual(root.name, "table")
            XCTAssertTrue(root.elements("script").isEmpty && root.elements("b").isEmpty, label)
            XCTAssertEqual(root.elements("th").first?.text, Self.readBack(label))
            XCTAssertEqual(root.elements("td").first?.text, Self.readBack(label))
            XCTAssertEqual(root.elements("caption").first?.text, Self.readBack(label))
        }
    }

    func testTheEscapingFunctionReplacesEachSpecialCharacterByItsReference() {
        XCTAssertEqual(Markup.escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        XCTAssertEqual(Markup.escape("plain text ✓"), "plain text ✓")
        XCTAssertEqual(Markup.escape("\u{1}\u{FFFE}"), "\u{FFFD}\u{FFFD}")
        XCTAssertEqual(Markup.escape("tab\tnew\nline"), "tab\tnew\nline")
    }
}
