import Foundation
import JupyterWire
import XCTest

final class ConnectionInfoTests: XCTestCase {
    private let tcpFile = """
        {"shell_port": 53794, "iopub_port": 53795, "stdin_port": 53796, "control_port": 53797,
         "hb_port": 53798, "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84",
         "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "spike"}
        """

    func testTcpAddressesAreIpColonPort() throws {
        let info = try ConnectionInfo(jsonBytes: Data(tcpFile.utf8))
        XCTAssertEqual(info.address(of: .shell), "tcp://127.0.0.1:53794")
        XCTAssertEqual(info.address(of: .iopub), "tcp://127.0.0.1:53795")
        XCTAssertEqual(info.address(of: .stdin), "tcp://127.0.0.1:53796")
        XCTAssertEqual(info.address(of: .control), "tcp://127.0.0.1:53797")
        XCTAssertEqual(info.address(of: .heartbeat), "tcp://127.0.0.1:53798")
        XCTAssertEqual(info.key, "a0436f6c-1916-498b-8eb9-e81ab9368e84")
        XCTAssertEqual(info.kernelName, "spike")
    }

    func testIpcAddressesArePathDashPort() throws {
        let text = tcpFile.replacingOccurrences(of: "\"tcp\"", with: "\"ipc\"")
            .replacingOccurrences(of: "127.0.0.1", with: "/tmp/kernel-x")
        let info = try ConnectionInfo(jsonBytes: Data(text.utf8))
        XCTAssertEqual(info.address(of: .shell), "ipc:///tmp/kernel-x-53794")
        XCTAssertEqual(info.address(of: .heartbeat), "ipc:///tmp/kernel-x-53798")
    }

    private func replacing(_ old: String, with new: String) -> Data {
        Data(tcpFile.replacingOccurrences(of: old, with: new).utf8)
    }

    private let keyField = "\"key\": \"a0436f6c-1916-498b-8eb9-e81ab9368e84\","

    func testAMissingKeyIsReplacedByAGeneratedOneSoNothingUnsignedIsAccepted() throws {
        let info = try ConnectionInfo(jsonBytes: replacing(keyField, with: ""), generateKey: { "fresh-key" })
        XCTAssertEqual(info.key, "fresh-key")
        XCTAssertEqual(info.keyOrigin, .generated)
        let first = try ConnectionInfo(jsonBytes: replacing(keyField, with: ""))
        let second = try ConnectionInfo(jsonBytes: replacing(keyField, with: ""))
        XCTAssertFalse(first.key.isEmpty)
        XCTAssertNotEqual(first.key, second.key, "the generated key is random")
    }

    func testAnEmptyKeyIsKeptAndMeansNoSigning() throws {
        let info = try ConnectionInfo(jsonBytes: replacing("a0436f6c-1916-498b-8eb9-e81ab9368e84", with: ""))
        XCTAssertEqual(info.key, "")
        XCTAssertEqual(info.keyOrigin, .file)
    }

    func testAKeyThatIsNotAStringIsRefusedNamingWhatItIs() {
        let cases: [(String, String)] = [
            ("42", "a number"), ("null", "null"), ("[\"k\"]", "a list"), ("{}", "an object"), ("true", "a boolean")
        ]
        for (value, kind) in cases {
            XCTAssertThrowsError(
                try ConnectionInfo(jsonBytes: replacing("\"a0436f6c-1916-498b-8eb9-e81ab9368e84\"", with: value))
            ) { error in
                XCTAssertEqual(error as? ConnectionFileError, .keyNotAString(found: kind), value)
                XCTAssertEqual(
                    "\(error)", "connection file's \"key\" must be a string (the HMAC signing key), not \(kind)")
            }
        }
    }

    func testAnIPv6AddressIsBracketedAndPortZeroAsksForAnyPort() throws {
        var info = try ConnectionInfo(jsonBytes: replacing("127.0.0.1", with: "::1"))
        XCTAssertTrue(info.isIPv6)
        XCTAssertEqual(info.address(of: .shell), "tcp://[::1]:53794")
        info.setPort(0, of: .heartbeat)
        XCTAssertEqual(info.address(of: .heartbeat), "tcp://[::1]:*")
        XCTAssertEqual(
            try ConnectionInfo(jsonBytes: replacing("53798", with: "0")).address(of: .heartbeat),
            "tcp://127.0.0.1:*")
    }

    func testReplacingPortsKeepsEveryOtherField() throws {
        let original = replacing("53798", with: "0")
        var info = try ConnectionInfo(jsonBytes: original)
        info.setPort(41234, of: .heartbeat)
        let updated = try XCTUnwrap(JSONValue(jsonBytes: try info.replacingPorts(in: original)))
        var expected = try XCTUnwrap(JSONValue(jsonBytes: original)?.objectValue)
        expected["hb_port"] = 41234
        XCTAssertEqual(updated, .object(expected))
    }

    private let publicKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
    private let secretKey = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"

    func testCurveKeysAreReadWhenBothAreGiven() throws {
        let text = keyField + " \"curve_publickey\": \"\(publicKey)\", \"curve_secretkey\": \"\(secretKey)\","
        let info = try ConnectionInfo(jsonBytes: replacing(keyField, with: text))
        XCTAssertEqual(info.curve, ConnectionInfo.CurveKeys(publicKey: publicKey, secretKey: secretKey))
        XCTAssertNil(try ConnectionInfo(jsonBytes: Data(tcpFile.utf8)).curve)
        let nulls = keyField + " \"curve_publickey\": null, \"curve_secretkey\": null,"
        XCTAssertNil(try ConnectionInfo(jsonBytes: replacing(keyField, with: nulls)).curve)
    }

    func testABadOrLoneCurveKeyIsRefusedByField() {
        func error(_ extra: String) -> ConnectionFileError? {
            do {
                _ = try ConnectionInfo(jsonBytes: replacing(keyField, with: keyField + extra))
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(error(" \"curve_secretkey\": \"\(secretKey)\","), .incompleteCurveKeys(missing: "curve_publickey"))
        XCTAssertEqual(error(" \"curve_publickey\": \"\(publicKey)\","), .incompleteCurveKeys(missing: "curve_secretkey"))
        XCTAssertEqual(
            error(" \"curve_publickey\": \"short\", \"curve_secretkey\": \"\(secretKey)\","),
            .invalidCurveKey(field: "curve_publickey"))
        XCTAssertEqual(
            error(" \"curve_publickey\": \"\(publicKey)\", \"curve_secretkey\": 7,"),
            .invalidCurveKey(field: "curve_secretkey"))
    }

    func testProblemsAreReportedByField() {
        func error(_ text: String) -> ConnectionFileError? {
            do {
                _ = try ConnectionInfo(jsonBytes: Data(text.utf8))
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(error("[1]"), .notJSONObject)
        XCTAssertEqual(
            error(tcpFile.replacingOccurrences(of: "\"hb_port\": 53798,", with: "")), .missingField("hb_port"))
        XCTAssertEqual(error(tcpFile.replacingOccurrences(of: "53796", with: "\"x\"")), .invalidField("stdin_port"))
        XCTAssertEqual(error(tcpFile.replacingOccurrences(of: "53796", with: "70000")), .invalidField("stdin_port"))
        XCTAssertEqual(error(tcpFile.replacingOccurrences(of: "\"tcp\"", with: "\"udp\"")), .invalidField("transport"))
        XCTAssertEqual(
            error(tcpFile.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5")),
            .unsupportedSignatureScheme("hmac-md5")
        )
    }

    func testAnUnreadableFileNamesItsPath() {
        XCTAssertThrowsError(try ConnectionInfo(contentsOf: "/nonexistent/kernel.json")) { error in
            XCTAssertEqual(error as? ConnectionFileError, .unreadable(path: "/nonexistent/kernel.json"))
        }
    }
}
