import XCTest

@testable import SpikeLang

/// `none` in a plotted series is a missing point, as a first spike that never comes.
final class PlotMissingPointTests: XCTestCase {
    func testNoneInASeriesLeavesAGapInsteadOfFailing() throws {
        let outcome = Session().run("plot({a: [1, none, 3, 4]})", output: RecordingSink())
        XCTAssertNil(outcome.failure)
        let svg = try XCTUnwrap(outcome.result?.svg)
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertTrue(try XCTUnwrap(outcome.result?.plain).contains("a"))
    }

    func testAStringInASeriesIsStillATypeError() {
        let outcome = Session().run(#"plot([1, "two", 3])"#, output: RecordingSink())
        XCTAssertEqual(outcome.failure?.name, "TypeError")
    }
}
