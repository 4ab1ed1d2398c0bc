import Foundation
import XCTest

@testable import SpikePlot

/// A figure inside HTML travels as an image, so sanitized (untrusted) notebooks still show it.
final class HTMLImageTests: XCTestCase {
    func testTheImageDecodesToTheFiguresSVGAndDescribesItInAlt() throws {
        let figure = Figure.line(LinePlot(y: [1, 4, 9], title: "a <b> & \"c\""))
        let tag = figure.htmlImage()
        XCTAssertTrue(tag.hasPrefix("<img src=\"data:image/svg+xml;base64,"), tag)
        let start = try XCTUnwrap(tag.range(of: "base64,")).upperBound
        let end = try XCTUnwrap(tag[start...].firstIndex(of: "\""))
        let decoded = try XCTUnwrap(Data(base64Encoded: String(tag[start..<end])))
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), figure.svg())
        XCTAssertTrue(tag.contains(" alt=\"Line plot &quot;a &lt;b&gt; &amp; "), tag)
        XCTAssertFalse(tag.contains("<b>"), "the title stays text in alt")
        XCTAssertTrue(tag.contains("width=\"\(figure.size.width)\""))
    }
}
