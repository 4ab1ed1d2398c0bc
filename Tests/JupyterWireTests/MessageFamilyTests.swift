import Foundation
import JupyterWire
import XCTest

final class MessageFamilyTests: XCTestCase {
    private func message(_ type: String, _ content: JSONValue) -> Message {
        Message(
            header: Header(messageID: "m", session: "s", username: "u", date: "d", messageType: type), content: content)
    }

    func testExecuteRequestFieldsTakeTheSpecDefaults() throws {
        let request = try ExecuteRequest(json: ["code": "x"])
        XCTAssertEqual(
            request,
            ExecuteRequest(
                code: "x", silent: false, storeHistory: true, userExpressions: [:], allowStdin: true, stopOnError: true)
        )
    }

    func testSilentForcesStoreHistoryOff() throws {
        XCTAssertFalse(try ExecuteRequest(json: ["code": "x", "silent": true, "store_history": true]).storeHistory)
    }

    func testANumberIsNotAcceptedAsABooleanFlag() {
        XCTAssertThrowsError(try ExecuteRequest(json: ["code": "x", "silent": 1])) { error in
            XCTAssertEqual(error as? ContentError, .wrongType(field: "silent", expected: "a boolean"))
        }
    }

    func testRequestsDecodeOnceIntoTheirFamily() throws {
        XCTAssertEqual(try Request(message("kernel_info_request", [:])), .kernelInfo)
        XCTAssertEqual(try Request(message("interrupt_request", [:])), .interrupt)
        XCTAssertEqual(
            try Request(message("complete_request", ["code": "ab😀c", "cursor_pos": 3])),
            .complete(CompleteRequest(code: "ab😀c", cursorPosition: 3))
        )
        XCTAssertEqual(
            try Request(message("inspect_request", ["code": "lif", "cursor_pos": 2, "detail_level": 1])),
            .inspect(InspectRequest(code: "lif", cursorPosition: 2, detailLevel: 1))
        )
        XCTAssertEqual(
            try Request(message("shutdown_request", ["restart": true])), .shutdown(ShutdownRequest(restart: true)))
        XCTAssertEqual(
            try Request(message("comm_open", ["comm_id": "c", "target_name": "t"])),
            .commOpen(CommOpen(commID: "c", targetName: "t")))
        XCTAssertEqual(try Request(message("debug_request", [:])), .unsupported(type: "debug_request"))
    }

    func testAMissingRequiredFieldIsNamed() {
        XCTAssertThrowsError(try Request(message("execute_request", [:]))) { error in
            XCTAssertEqual(error as? ContentError, .missingField("code"))
        }
        XCTAssertThrowsError(try Request(message("comm_open", ["comm_id": "c"]))) { error in
            XCTAssertEqual(error as? ContentError, .missingField("target_name"))
        }
    }

    func testACompleteRequestWithoutCursorMeansTheEndInCodePoints() throws {
        XCTAssertEqual(try CompleteRequest(json: ["code": "e\u{301}😀"]).cursorPosition, 3)
    }

    func testHistoryRequestsReadAllThreeAccessTypes() throws {
        XCTAssertEqual(
            try HistoryRequest(json: ["hist_access_type": "tail", "n": 3, "output": true]),
            HistoryRequest(access: .tail(count: 3), includeOutput: true))
        XCTAssertEqual(
            try HistoryRequest(json: ["hist_access_type": "range", "session": 0, "start": 1, "stop": 2]).access,
            .range(session: 0, start: 1, stop: 2))
        XCTAssertEqual(
            try HistoryRequest(json: ["hist_access_type": "search", "pattern": "a*", "unique": true]).access,
            .search(pattern: "a*", count: nil, unique: true))
        XCTAssertThrowsError(try HistoryRequest(json: ["hist_access_type": "everything"]))
    }

    func testReplyTypesFollowRequestTypes() {
        XCTAssertEqual(Request.replyType(for: "debug_request"), "debug_reply")
        XCTAssertEqual(Request.replyType(for: "foo"), "foo_reply")
    }

    func testExecuteRepliesCarryTheirStatusAndCount() {
        XCTAssertEqual(ExecuteReply.aborted(executionCount: 4).json, ["status": "aborted", "execution_count": 4])
        let error = ExecuteReply.error(
            executionCount: 2, ErrorContent(name: "NameError", value: "x", traceback: ["line"]))
        XCTAssertEqual(error.json["status"], "error")
        XCTAssertEqual(error.json["ename"], "NameError")
        XCTAssertEqual(error.json["evalue"], "x")
        XCTAssertEqual(error.json["traceback"], ["line"])
        XCTAssertEqual(error.json["execution_count"], 2)
    }

    func testDisplayMessagesCarryTheDisplayIdInTransient() {
        let bundle = MimeBundle(plain: "p")
        XCTAssertEqual(UpdateDisplayData(bundle: bundle, displayID: "d").json["transient"], ["display_id": "d"])
        XCTAssertEqual(DisplayData(bundle: bundle).json["transient"], [:])
        XCTAssertEqual(DisplayData(bundle: bundle, displayID: "e").json["data"], ["text/plain": "p"])
    }

    func testKernelInfoReplySaysProtocolFiveFiveAndTheLanguage() {
        let info = KernelInfo(
            implementation: "spike", implementationVersion: "0.1",
            languageInfo: LanguageInfo(
                name: "spike", version: "1.0", mimetype: "text/x-spike", fileExtension: ".spk", pygmentsLexer: "spike",
                codemirrorMode: "spike"),
            banner: "b", helpLinks: [HelpLink(text: "t", url: "u")]
        )
        let json = KernelInfoReply(info).json
        XCTAssertEqual(json["protocol_version"], "5.5")
        XCTAssertEqual(json["language_info"]?["file_extension"], ".spk")
        XCTAssertEqual(json["language_info"]?["pygments_lexer"], "spike")
        XCTAssertEqual(json["help_links"], [["text": "t", "url": "u"]])
        XCTAssertEqual(json["status"], "ok")
    }

    func testHistoryRepliesAreTriplesOrTriplesWithPairs() {
        let entries = [
            HistoryEntry(session: 1, line: 2, input: "a", output: "A"), HistoryEntry(session: 1, line: 3, input: "b")
        ]
        XCTAssertEqual(
            HistoryReply(entries: entries, includeOutput: false).json["history"], [[1, 2, "a"], [1, 3, "b"]])
        XCTAssertEqual(
            HistoryReply(entries: entries, includeOutput: true).json["history"],
            [[1, 2, ["a", "A"]], [1, 3, ["b", .null]]])
    }
}
