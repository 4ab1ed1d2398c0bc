import Foundation
import JupyterWire
import XCTest

final class DigestHistoryTests: XCTestCase {
    private func signature(_ number: Int) -> Data { Data("sig-\(number)".utf8) }

    func testASignatureSeenBeforeIsAReplay() {
        var history = DigestHistory(capacity: 8)
        XCTAssertTrue(history.insert(signature(1)))
        XCTAssertTrue(history.insert(signature(2)))
        XCTAssertFalse(history.insert(signature(1)))
        XCTAssertFalse(history.insert(signature(2)))
        XCTAssertEqual(history.count, 2)
    }

    func testOnlyTheLastCapacitySignaturesAreRememberedOldestFirstOut() {
        var history = DigestHistory(capacity: 3)
        for number in 1...5 { XCTAssertTrue(history.insert(signature(number))) }
        XCTAssertEqual(history.count, 3)
        XCTAssertFalse(history.insert(signature(5)))
        XCTAssertFalse(history.insert(signature(3)))
        XCTAssertTrue(history.insert(signature(2)), "evicted: remembered no more")
        XCTAssertFalse(history.insert(signature(4)))
        XCTAssertTrue(history.insert(signature(3)), "3 was the oldest when 2 came back")
    }

    func testTheDefaultRemembersWhatJupyterSessionRemembers() {
        XCTAssertEqual(DigestHistory().capacity, 65_536)
        var history = DigestHistory()
        for number in 0..<70_000 { _ = history.insert(signature(number)) }
        XCTAssertEqual(history.count, 65_536)
        XCTAssertFalse(history.insert(signature(69_999)))
        XCTAssertTrue(history.insert(signature(0)))
    }
}

extension DigestHistoryTests {
    func testRealSignaturesAreToldApartByEveryDigitAndRepeatsAreCaught() {
        let signer = Signer(key: "history")
        let signatures = (0..<1000).map { Data(signer.signature(of: [Data("message \($0)".utf8)]).utf8) }
        var history = DigestHistory(capacity: 2000)
        XCTAssertTrue(signatures.allSatisfy { history.insert($0) })
        XCTAssertTrue(signatures.allSatisfy { !history.insert($0) })
        var lastDigitChanged = signatures[0]
        lastDigitChanged[63] = lastDigitChanged[63] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        XCTAssertTrue(history.insert(lastDigitChanged))
        XCTAssertFalse(history.insert(Data(signatures[1])), "an equal copy in another buffer is a replay")
    }
}
