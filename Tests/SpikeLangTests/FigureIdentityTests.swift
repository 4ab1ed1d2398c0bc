import XCTest
@testable import SpikeLang

/// Several figures live in one notebook page: different figures never share element ids.
final class FigureIdentityTests: XCTestCase {
    private func ids(in markup: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"id="([^"]+)""#)
        let range = NSRange(markup.startIndex..., in: markup)
        return Set(pattern.matches(in: markup, range: range).compactMap { match in
            Range(match.range(at: 1), in: markup).map { String(markup[$0]) }
        })
    }

    func testTheHTMLViewsOfTwoDifferentSeriesShareNoIds() throws {
        let session = Session()
        let first = try XCTUnwrap(session.run(#"synthetic(kind="sines", length=200, variates=2, seed=1)"#, output: RecordingSink()).result?.html)
        let second = try XCTUnwrap(session.run(#"synthetic(kind="sines", length=300, variates=3, seed=2)"#, output: RecordingSink()).result?.html)
        XCTAssertFalse(ids(in: first).isEmpty)
        XCTAssertTrue(ids(in: first).isDisjoint(with: ids(in: second)))
    }
}
