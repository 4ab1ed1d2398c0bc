import XCTest

@testable import SpikeLang

/// A classification run shows its validation accuracy per epoch, in its table and its figure;
/// a forecasting run has no accuracy to show.
final class RunViewTests: XCTestCase {
    private func rendering(_ source: String) throws -> Rendering {
        let outcome = Session().run(source, output: RecordingSink())
        XCTAssertNil(outcome.failure, outcome.failure?.message ?? "")
        return try XCTUnwrap(outcome.result)
    }

    func testAClassificationRunShowsItsValidationAccuracyPerEpoch() throws {
        let shown = try rendering("train(flatten() >> linear(10), dataset(\"digits\"), epochs=2, lr=0.01, progress=false)")
        let html = try XCTUnwrap(shown.html)
        XCTAssertTrue(html.contains("valid accuracy"), html)
        let svg = try XCTUnwrap(shown.svg)
        XCTAssertTrue(svg.contains("valid accuracy per epoch"))
        XCTAssertTrue(svg.contains("loss per epoch"))
    }

    func testAForecastingRunShowsNoAccuracy() throws {
        let shown = try rendering(
            """
            data = windows(synthetic("sines", length=200, variates=2), window=8, horizon=2)
            train(flatten() >> linear(4), data, epochs=2, progress=false)
            """)
        XCTAssertFalse(try XCTUnwrap(shown.html).contains("accuracy"))
        XCTAssertFalse(try XCTUnwrap(shown.svg).contains("accuracy"))
    }
}
