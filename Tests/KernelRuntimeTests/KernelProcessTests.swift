import Foundation
import JupyterWire
import XCTest

/// The built `spike kernel` process, started the way jupyter_client starts it.
final class KernelProcessTests: XCTestCase {
    /// The `spike` executable built beside this test bundle.
    private func spikeExecutable() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let candidate = directory.appendingPathComponent("spike")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw XCTSkip("the spike executable is not built beside \(bundle.path)")
    }

    func testTheKernelExitsWhenTheProcessNamedByJpyParentPidIsGone() throws {
        let executable = try spikeExecutable()
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/sleep")
        parent.arguments = ["0.1"]
        try parent.run()
        let parentID = parent.processIdentifier
        parent.waitUntilExit()

        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("spike-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("kernel.json")
        let connection: JSONValue = [
            "transport": "ipc", "ip": .string(directory.appendingPathComponent("k").path), "shell_port": 1,
            "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k",
            "signature_scheme": "hmac-sha256"
        ]
        try connection.jsonBytes().write(to: file)

        let kernel = Process()
        kernel.executableURL = executable
        kernel.arguments = ["kernel", "-f", file.path]
        kernel.environment = ProcessInfo.processInfo.environment.merging(["JPY_PARENT_PID": String(parentID)]) { $1 }
        kernel.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        kernel.terminationHandler = { _ in exited.signal() }
        try kernel.run()
        if exited.wait(timeout: .now() + 10) == .timedOut {
            kernel.terminate()
            XCTFail("the kernel outlived its parent")
        }
        XCTAssertEqual(kernel.terminationStatus, 0)
    }
}
