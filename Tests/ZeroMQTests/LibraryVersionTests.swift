import XCTest
import ZeroMQ

final class LibraryVersionTests: XCTestCase {
    func testTheLinkedLibraryIsZeroMQFour() {
        XCTAssertTrue(ZeroMQ.libraryVersion.hasPrefix("4."), ZeroMQ.libraryVersion)
    }
}
