import Foundation
import JupyterWire
import XCTest

@testable import JupyterKernel

final class StreamBatcherTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 100)

    func testWritesToOneStreamAccumulateUntilFlushed() {
        var batcher = StreamBatcher(interval: 0.1, limit: 1000)
        XCTAssertEqual(batcher.write("a", to: .stdout, at: t0), [])
        XCTAssertEqual(batcher.write("b", to: .stdout, at: t0.addingTimeInterval(0.05)), [])
        XCTAssertEqual(batcher.flush(), [.stream(.stdout, "ab")])
        XCTAssertEqual(batcher.flush(), [])
    }

    func testChangingStreamReleasesTheOtherFirst() {
        var batcher = StreamBatcher(interval: 0.1, limit: 1000)
        _ = batcher.write("out", to: .stdout, at: t0)
        XCTAssertEqual(batcher.write("err", to: .stderr, at: t0), [.stream(.stdout, "out")])
        XCTAssertEqual(batcher.flush(), [.stream(.stderr, "err")])
    }

    func testTextOlderThanTheIntervalIsReleased() {
        var batcher = StreamBatcher(interval: 0.1, limit: 1000)
        _ = batcher.write("a", to: .stdout, at: t0)
        XCTAssertEqual(batcher.flushIfStale(at: t0.addingTimeInterval(0.09)), [])
        XCTAssertEqual(batcher.flushIfStale(at: t0.addingTimeInterval(0.1)), [.stream(.stdout, "a")])
        _ = batcher.write("b", to: .stdout, at: t0.addingTimeInterval(1))
        XCTAssertEqual(batcher.write("c", to: .stdout, at: t0.addingTimeInterval(1.2)), [.stream(.stdout, "bc")])
    }

    func testTextBeyondTheSizeLimitIsReleasedAtOnce() {
        var batcher = StreamBatcher(interval: 10, limit: 4)
        XCTAssertEqual(batcher.write("ab", to: .stdout, at: t0), [])
        XCTAssertEqual(batcher.write("cd", to: .stdout, at: t0), [.stream(.stdout, "abcd")])
    }

    func testPollingForCancellationReleasesStaleText() {
        var now = t0
        var emitted = [ExecutionOutput]()
        let context = ExecutionContext(
            executionCount: 1, cancellation: CancellationFlag(), streamInterval: 0.1, now: { now },
            emit: { emitted.append($0) }
        )
        context.write("tick\n")
        XCTAssertFalse(context.isCancelled)
        XCTAssertEqual(emitted, [])
        now = t0.addingTimeInterval(0.2)
        XCTAssertFalse(context.isCancelled)
        XCTAssertEqual(emitted, [.stream(.stdout, "tick\n")])
    }
}
