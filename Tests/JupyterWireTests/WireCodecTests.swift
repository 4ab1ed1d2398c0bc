import Foundation
import JupyterWire
import XCTest

final class WireCodecTests: XCTestCase {
    func testFramesSerializedByJupyterClientDecodeToTheirFields() throws {
        let vectors = try WireVectors.load().section("messages")
        XCTAssertGreaterThanOrEqual(vectors.count, 6)
        for vector in vectors {
            let name = try vector.string("name")
            let codec = WireCodec(key: try vector.string("key"))
            let expect = try XCTUnwrap(vector["expect"])
            let message = try codec.decode(try vector.byteList("frames")).get()
            XCTAssertEqual(message.identities, try expect.byteList("identities"), name)
            XCTAssertEqual(message.header.json, expect["header"], name)
            XCTAssertEqual(message.parentHeader, expect["parent_header"], name)
            XCTAssertEqual(message.metadata, expect["metadata"], name)
            XCTAssertEqual(message.content, expect["content"], name)
            XCTAssertEqual(message.buffers, try expect.byteList("buffers"), name)
            XCTAssertEqual(message.type, expect["header"]?["msg_type"]?.stringValue, name)
        }
    }

    func testAllRoutingIdentitiesAreKeptInOrder() throws {
        let vector = try XCTUnwrap(
            try WireVectors.load().section("messages").first {
                $0["name"] == "execute request with two routing identities"
            }
        )
        let message = try WireCodec(key: try vector.string("key")).decode(try vector.byteList("frames")).get()
        XCTAssertEqual(message.identities, [Data([0x00, 0x6b, 0x8b, 0x45, 0x67]), Data("router-2".utf8)])
    }

    func testForgedTruncatedAndNonJsonFramesAreRejectedWithTheirReason() throws {
        let vectors = try WireVectors.load().section("rejections")
        XCTAssertGreaterThanOrEqual(vectors.count, 10)
        for vector in vectors {
            let name = try vector.string("name")
            let result = WireCodec(key: try vector.string("key")).decode(try vector.byteList("frames"))
            switch result {
            case .success: XCTFail("accepted: \(name)")
            case .failure(let error): XCTAssertEqual(error.caseName, try vector.string("error"), name)
            }
        }
    }

    func testTheSignatureIsCheckedBeforeTheJsonIsParsed() {
        let codec = WireCodec(key: "secret")
        let garbage = [Data("not json".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
        let forged = [WireCodec.delimiter, Data("00".utf8)] + garbage
        XCTAssertEqual(codec.decode(forged).failure, .badSignature)
        let signed = [WireCodec.delimiter, Data(codec.signer.signature(of: garbage).utf8)] + garbage
        XCTAssertEqual(codec.decode(signed).failure, .invalidJSON(part: "header"))
    }

    func testEncodingProducesTheCompactSortedBytesAndSignaturePythonComputes() throws {
        for vector in try WireVectors.load().section("encodings") {
            let header = try Header(json: try XCTUnwrap(vector["header"]))
            let message = Message(
                identities: try XCTUnwrap(vector["identities"]?.arrayValue).compactMap {
                    $0.stringValue.map { Data($0.utf8) }
                },
                header: header, parentHeader: try XCTUnwrap(vector["parent_header"]),
                metadata: try XCTUnwrap(vector["metadata"]), content: try XCTUnwrap(vector["content"])
            )
            let frames = WireCodec(key: try vector.string("key")).encode(message)
            let identityCount = message.identities.count
            XCTAssertEqual(Array(frames.prefix(identityCount)), message.identities)
            XCTAssertEqual(frames[identityCount], WireCodec.delimiter)
            XCTAssertEqual(String(decoding: frames[identityCount + 1], as: UTF8.self), try vector.string("signature"))
            XCTAssertEqual(Array(frames[(identityCount + 2)...]), try vector.byteList("parts"))
        }
    }

    func testAnEncodedMessageDecodesToItself() throws {
        let codec = WireCodec(key: "round-trip")
        let header = Header(
            messageID: "id-1", session: "s", username: "u", date: "2026-01-01T00:00:00.000000Z",
            messageType: "display_data", extras: ["subshell_id": "x"]
        )
        let original = Message(
            identities: [Data([0, 1, 2]), Data("b".utf8)], header: header, parentHeader: ["msg_id": "p"],
            metadata: ["m": 1], content: ["data": ["text/plain": "π ≈ 3.14"], "ok": true, "n": 1.5],
            buffers: [Data([9, 9])]
        )
        XCTAssertEqual(try codec.decode(codec.encode(original)).get(), original)
    }

    func testAnUnsignedCodecSendsAnEmptySignatureFrame() {
        let header = Header(messageID: "1", session: "s", username: "u", date: "d", messageType: "status")
        let frames = WireCodec(key: "").encode(Message(header: header))
        XCTAssertEqual(frames[0], WireCodec.delimiter)
        XCTAssertEqual(frames[1], Data())
        XCTAssertEqual(frames.count, 6)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension WireCodecTests {
    func testAValidSignatureSeenBeforeIsRefusedAsAReplay() throws {
        let codec = WireCodec(key: "replay-key")
        let frames = codec.encode(Message(header: HeaderFactory(session: "s").header(for: "execute_request")))
        var history = DigestHistory(capacity: 4)
        XCTAssertNoThrow(try codec.decode(frames, isFresh: { history.insert($0) }).get())
        XCTAssertEqual(codec.decode(frames, isFresh: { history.insert($0) }).failure, .replayed)
        XCTAssertEqual(history.count, 1)
    }

    func testOnlyCorrectlySignedMessagesReachTheReplayCheck() throws {
        let codec = WireCodec(key: "replay-key")
        let forged = WireCodec(key: "other").encode(Message(header: HeaderFactory(session: "s").header(for: "x")))
        var asked = 0
        XCTAssertEqual(
            codec.decode(
                forged,
                isFresh: { _ in
                    asked += 1
                    return true
                }
            ).failure, .badSignature)
        let unsigned = WireCodec(key: "")
        let message = unsigned.encode(Message(header: HeaderFactory(session: "s").header(for: "x")))
        for _ in 0..<2 {
            XCTAssertNoThrow(
                try unsigned.decode(
                    message,
                    isFresh: { _ in
                        asked += 1
                        return false
                    }
                ).get())
        }
        XCTAssertEqual(asked, 0, "forged messages are not recorded; without signing there is nothing to compare")
    }
}
