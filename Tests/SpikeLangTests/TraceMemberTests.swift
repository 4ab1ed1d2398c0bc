import XCTest

@testable import SpikeLang

/// The members of a trace, including the ones whose value is `none`.
final class TraceMemberTests: XCTestCase {
    func testATraceThatNeverFiresHasFirstSpikeNone() {
        let session = Session()
        let outcome = session.run(
            "t = simulate(lif(beta=0.9, threshold=1), input=0.1, steps=20)\n[t.spike_steps, t.first_spike]",
            output: RecordingSink())
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "[[], none]")
    }

    func testFirstSpikeMatchesTheFirstOfTheSpikeSteps() {
        let outcome = Session().run(
            "t = simulate(lif(tau=2), input=1.2, steps=12)\n[t.first_spike, t.spike_steps[0]]",
            output: RecordingSink())
        XCTAssertEqual(outcome.result?.plain, "[3, 3]")
    }
}
