import XCTest

@testable import SpikeLang

/// Views that put a figure inside HTML (a series, a run, a comparison) carry it as an image:
/// notebook frontends strip inline SVG from untrusted HTML and rename its ids.
final class FigureIdentityTests: XCTestCase {
    func testASeriesHTMLViewCarriesItsPreviewAsAnImageNotInlineSVG() throws {
        let session = Session()
        let html = try XCTUnwrap(
            session.run(#"synthetic(kind="sines", length=200, variates=2, seed=1)"#, output: RecordingSink()).result?.html)
        XCTAssertTrue(html.contains("<table"))
        XCTAssertTrue(html.contains("<img src=\"data:image/svg+xml;base64,"), html.prefix(200).description)
        XCTAssertFalse(html.contains("<svg"))
    }

    func testATrainingRunHTMLViewCarriesItsLossCurvesAsAnImage() throws {
        let session = Session()
        let code = """
            data = windows(synthetic(kind="sines", length=120, variates=1, seed=0), window=8, horizon=2)
            train(mlp_net(), data, epochs=1, batch=16, progress=false)
            """
        let outcome = session.run(code, output: RecordingSink())
        XCTAssertNil(outcome.failure, "\(String(describing: outcome.failure))")
        let html = try XCTUnwrap(outcome.result?.html)
        XCTAssertTrue(html.contains("<img src=\"data:image/svg+xml;base64,"))
        XCTAssertFalse(html.contains("<svg"))
    }
}
