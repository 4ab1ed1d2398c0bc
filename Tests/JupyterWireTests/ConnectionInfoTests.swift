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

    func testAMissingKeyMeansNoSigning() throws {
        let text = tcpFile.replacingOccurrences(of: "\"key\": \"a0436f6c-1916-498b-8eb9-e81ab9368e84\",", with: "")
        XCTAssertEqual(try ConnectionInfo(jsonBytes: Data(text.utf8)).key, "")
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
