import Foundation
import JupyterWire
import XCTest

final class JSONLineCodecTests: XCTestCase {
    func testALineDecodesToItsChannelAndMessage() throws {
        let line = #"{"channel": "control", "header": {"msg_id": "1", "msg_type": "interrupt_request"}, "content": {}}"#
        let (channel, message) = try JSONLineCodec.decode(line).get()
        XCTAssertEqual(channel, .control)
        XCTAssertEqual(message.type, "interrupt_request")
        XCTAssertEqual(message.parentHeader, [:])
        XCTAssertEqual(message.metadata, [:])
    }

    func testAnEncodedLineIsOneLineAndDecodesBack() throws {
        let header = Header(messageID: "x", session: "s", username: "u", date: "d", messageType: "stream")
        let message = Message(header: header, parentHeader: ["msg_id": "p"], content: ["text": "a\nb\r\n"])
        let line = JSONLineCodec.encode(message, on: .iopub)
        XCTAssertFalse(line.contains("\n"))
        let (channel, decoded) = try JSONLineCodec.decode(line).get()
        XCTAssertEqual(channel, .iopub)
        XCTAssertEqual(decoded, message)
    }

    func testMalformedLinesAreRejectedWithTheirReason() {
        XCTAssertEqual(JSONLineCodec.decode("not json").failure, .invalidJSON(part: "line"))
        XCTAssertEqual(JSONLineCodec.decode("[1]").failure, .notAnObject(part: "line"))
        XCTAssertEqual(JSONLineCodec.decode(#"{"header": {}}"#).failure, .unknownChannel(""))
        XCTAssertEqual(JSONLineCodec.decode(#"{"channel": "radio", "header": {}}"#).failure, .unknownChannel("radio"))
        XCTAssertEqual(JSONLineCodec.decode(#"{"channel": "shell"}"#).failure, .invalidHeader("missing"))
        XCTAssertEqual(
            JSONLineCodec.decode(#"{"channel": "shell", "header": {"msg_id": "1", "msg_type": "x"}, "content": 3}"#)
                .failure,
            .notAnObject(part: "content")
        )
    }
}
