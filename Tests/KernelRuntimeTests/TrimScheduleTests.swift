import XCTest

@testable import KernelRuntime

final class TrimScheduleTests: XCTestCase {
    func testTrimsFallDueAfterADepartureAndPassedDeadlinesShareOneTrim() {
        var schedule = TrimSchedule()
        XCTAssertFalse(schedule.takeDue(at: 0))
        schedule.peerLeft(at: 10)
        XCTAssertFalse(schedule.takeDue(at: 10.05))
        XCTAssertTrue(schedule.takeDue(at: 10.6))
        XCTAssertEqual(schedule.deadlines, [12])
        XCTAssertFalse(schedule.takeDue(at: 11))
        XCTAssertTrue(schedule.takeDue(at: 12))
        XCTAssertFalse(schedule.takeDue(at: 100))
    }

    func testALaterDepartureRestartsTheSchedule() {
        var schedule = TrimSchedule()
        schedule.peerLeft(at: 0)
        XCTAssertTrue(schedule.takeDue(at: 0.2))
        schedule.peerLeft(at: 1)
        XCTAssertEqual(schedule.deadlines, [1.1, 1.5, 3])
    }
}
