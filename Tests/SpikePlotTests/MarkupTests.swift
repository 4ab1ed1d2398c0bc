import XCTest

@testable import SpikePlot

final class MarkupTests: XCTestCase {
    func testTextIsEscapedSoMarkupCharactersStayText() {
        let markup = Markup.element("text", [Attribute("x", 4)], [.text("a < b & \"c\" 'd' >")])
        XCTAssertEqual(markup.rendered, "<text x=\"4\">a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;</text>")
    }
}
