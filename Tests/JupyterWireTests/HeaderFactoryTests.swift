import Foundation
import JupyterWire
import XCTest

final class HeaderFactoryTests: XCTestCase {
    func testEveryHeaderHasAFreshIdAndTheProcessSession() {
        let factory = HeaderFactory()
        let headers = (0..<100).map { _ in factory.header(for: "status") }
        XCTAssertEqual(Set(headers.map(\.messageID)).count, 100)
        XCTAssertEqual(Set(headers.map(\.session)), [factory.session])
        XCTAssertNotEqual(HeaderFactory().session, factory.session)
        XCTAssertEqual(headers[0].version, "5.5")
        XCTAssertEqual(headers[0].messageType, "status")
    }

    func testDatesAreUtcIso8601WithMicrosecondsAndZ() {
        // 2026-01-01T12:00:00.123456Z = 1767268800.123456 s since 1970 (Python: datetime(...).timestamp()).
        let date = Date(timeIntervalSince1970: 1_767_268_800.123456)
        XCTAssertEqual(HeaderFactory.format(date), "2026-01-01T12:00:00.123456Z")
        XCTAssertEqual(HeaderFactory.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000000Z")
        XCTAssertEqual(HeaderFactory.format(Date(timeIntervalSince1970: 59.9999999)), "1970-01-01T00:01:00.000000Z")
    }

    func testTheInjectedClockAndIdsAreUsed() {
        let factory = HeaderFactory(
            session: "s-1", username: "me", now: { Date(timeIntervalSince1970: 86_400.5) }, newID: { "fixed" }
        )
        let header = factory.header(for: "execute_reply")
        XCTAssertEqual(
            header.json,
            [
                "msg_id": "fixed", "session": "s-1", "username": "me", "date": "1970-01-02T00:00:00.500000Z",
                "msg_type": "execute_reply", "version": "5.5"
            ]
        )
    }

    func testAHeaderRoundTripsWithItsUnknownKeys() throws {
        let json: JSONValue = [
            "msg_id": "1", "msg_type": "execute_request", "session": "s", "username": "u", "date": "d",
            "version": "5.4", "subshell_id": "sub"
        ]
        XCTAssertEqual(try Header(json: json).json, json)
    }

    func testAHeaderWithoutIdOrTypeIsInvalid() {
        XCTAssertThrowsError(try Header(json: ["msg_type": "x"]))
        XCTAssertThrowsError(try Header(json: ["msg_id": "x"]))
        XCTAssertThrowsError(try Header(json: ["msg_id": 1, "msg_type": "x"]))
        XCTAssertThrowsError(try Header(json: "header"))
    }
}

final class MessageIDTests: XCTestCase {
    func testIdsAreDistinctVersionFourUUIDs() {
        let ids = (0..<1000).map { _ in MessageID.random() }
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids {
            let parsed = UUID(uuidString: id)
            XCTAssertNotNil(parsed, id)
            XCTAssertEqual(parsed?.uuidString.lowercased(), id)
            let scalars = Array(id)
            XCTAssertEqual(scalars[14], "4", "version nibble of \(id)")
            XCTAssertTrue("89ab".contains(scalars[19]), "variant nibble of \(id)")
        }
    }
}

final class HeaderEchoTests: XCTestCase {
    func testAHeaderMissingOptionalKeysIsEchoedWithoutThem() throws {
        let sparse: JSONValue = ["msg_id": "1", "msg_type": "kernel_info_request", "x-extra": 7]
        let header = try Header(json: sparse)
        XCTAssertEqual(header.session, "")
        XCTAssertEqual(header.json, sparse)
    }

    func testAHeaderWritesTheSameBytesAsItsJSONObject() throws {
        let made = HeaderFactory(session: "s\"1", username: "ü", now: { Date(timeIntervalSince1970: 1) }, newID: { "id" })
            .header(for: "status")
        XCTAssertEqual(made.jsonBytes(), made.json.jsonBytes())
        XCTAssertEqual(
            String(decoding: made.jsonBytes(), as: UTF8.self),
            #"{"date":"1970-01-01T00:00:01.000000Z","msg_id":"id","msg_type":"status","#
                + #""session":"s\"1","username":"ü","version":"5.5"}"#)
        let received = try Header(json: ["msg_id": "1", "msg_type": "execute_request", "subshell_id": "sub"])
        XCTAssertEqual(received.jsonBytes(), received.json.jsonBytes())
    }
}
