import XCTest

@testable import SpikeEngine

/// A cancellation check that answers `true` from poll `firesAfter + 1` on, counting polls.
final class CancellationSwitch {
    /// A length that takes at least five chunks (and a partial one) to process.
    static let long = 5 * cancellationChunk + 17

    let firesAfter: Int
    private(set) var polls = 0

    init(firesAfter: Int) {
        self.firesAfter = firesAfter
    }

    var check: CancellationCheck {
        { [self] in
            polls += 1
            return polls > firesAfter
        }
    }
}

extension XCTestCase {
    /// Runs `call` with a check that fires after two polls: it must throw `.interrupted` at
    /// the third poll, long before the end of its (at least five-chunk) loop.
    func assertInterrupted<T>(
        _ what: String, _ call: (@escaping CancellationCheck) throws -> T, line: UInt = #line
    ) {
        let flag = CancellationSwitch(firesAfter: 2)
        XCTAssertThrowsError(try call(flag.check), what, line: line) { error in
            XCTAssertEqual(error as? EngineError, .interrupted, what, line: line)
        }
        XCTAssertEqual(flag.polls, 3, "\(what) polled on after the check fired", line: line)
    }
}
