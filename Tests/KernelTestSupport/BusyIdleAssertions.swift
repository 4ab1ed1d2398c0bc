import JupyterKernel
import JupyterWire
import XCTest

/// Checks the envelope every request must get: exactly one busy first and one idle last among
/// the IOPub messages it caused, and the idle sent after the reply and after every output.
public func assertWrappedInBusyIdle(
    _ request: Message, in sink: RecordingSink, expectReply: Bool = true, file: StaticString = #filePath,
    line: UInt = #line
) {
    let id = request.header.messageID
    let all = sink.sent
    let caused = all.enumerated().filter { $0.element.message.parentMessageID == id }
    let iopub = caused.filter { $0.element.channel == .iopub }
    let states = iopub.filter { $0.element.message.type == "status" }.map {
        $0.element.message.content["execution_state"]?.stringValue ?? "?"
    }
    XCTAssertEqual(states, ["busy", "idle"], "status sequence of \(request.type)", file: file, line: line)
    XCTAssertEqual(
        iopub.first?.element.message.content["execution_state"], "busy", "first IOPub of \(request.type)", file: file,
        line: line)
    XCTAssertEqual(
        iopub.last?.element.message.content["execution_state"], "idle", "last IOPub of \(request.type)", file: file,
        line: line)
    guard let idleIndex = iopub.last?.offset else { return }
    XCTAssertEqual(
        caused.last?.offset, idleIndex, "idle is not the last thing sent for \(request.type)", file: file, line: line)
    let replies = caused.filter { $0.element.channel != .iopub }
    XCTAssertEqual(replies.count, expectReply ? 1 : 0, "replies to \(request.type)", file: file, line: line)
    for reply in replies {
        XCTAssertEqual(reply.element.message.identities, request.identities, "reply identities", file: file, line: line)
        XCTAssertEqual(
            reply.element.message.parentHeader, request.header.json, "reply parent header", file: file, line: line)
    }
}
