import SpikePlot
import XCTest

/// SVG to PNG through librsvg: the PNG's header and pixels checked against what the SVG says.
final class SVGRasterTests: XCTestCase {
    /// Big-endian UInt32 at `offset`.
    private func word(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    func testAFigureBecomesAPNGTwiceItsCSSSizeShownAtThatSize() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#ff0000"/></svg>"##
        let image = try XCTUnwrap(SVGRaster.png(from: svg))
        XCTAssertEqual(Array(image.png.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10], "the PNG signature")
        XCTAssertEqual(String(decoding: image.png[12..<16], as: UTF8.self), "IHDR")
        XCTAssertEqual(word(image.png, 16), 80, "pixels wide")
        XCTAssertEqual(word(image.png, 20), 60, "pixels high")
        XCTAssertEqual(image.width, 40)
        XCTAssertEqual(image.height, 30)
    }

    func testARealFigureRasterizesAtItsDeclaredSize() throws {
        let figure = Figure.line(LinePlot(y: [0, 1, 0.5], title: "t"))
        let image = try XCTUnwrap(SVGRaster.png(from: figure.svg()))
        XCTAssertGreaterThan(image.width, 100)
        XCTAssertEqual(word(image.png, 16), image.width * 2)
        XCTAssertEqual(word(image.png, 20), image.height * 2)
    }

    func testTextThatIsNotSVGGivesNoImage() {
        XCTAssertNil(SVGRaster.png(from: "not an svg"))
        XCTAssertNil(SVGRaster.png(from: #"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#), "no size, no image")
    }
}
