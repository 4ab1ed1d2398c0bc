import Foundation
import JupyterWire
import KernelRuntime
import KernelTestSupport
import Synchronization
import XCTest

/// The ZeroMQ runtime serving an ``EchoInterpreter`` on a background thread, bound to fresh
/// ipc endpoints in a temporary directory, with a connected ``KernelClient``.
final class RunningKernel {
    let interpreter = EchoInterpreter()
    let connection: ConnectionInfo
    let client: KernelClient
    private let directory: URL
    private let finished = DispatchSemaphore(value: 0)
    private let result = RuntimeResult()
    private var exitStatus: Int32?

    init(key: String = "runtime-test-key") throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "spike-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        connection = ConnectionInfo(
            transport: .ipc, ip: directory.appendingPathComponent("k").path, shellPort: 1, iopubPort: 2, stdinPort: 3,
            controlPort: 4, heartbeatPort: 5, key: key, kernelName: "echo"
        )
        let file = directory.appendingPathComponent("kernel.json")
        let json: JSONValue = [
            "transport": "ipc", "ip": .string(connection.ip), "shell_port": 1, "iopub_port": 2, "stdin_port": 3,
            "control_port": 4, "hb_port": 5, "key": .string(key), "signature_scheme": "hmac-sha256",
            "kernel_name": "echo"
        ]
        try json.jsonBytes().write(to: file)
        let interpreter = self.interpreter
        let finished = self.finished
        let result = self.result
        Thread.detachNewThread {
            do {
                let status = try ZeroMQKernelRuntime.run(
                    connectionFile: file.path, interpreter: interpreter, log: { _ in })
                result.state.withLock { $0 = .success(status) }
            } catch {
                result.state.withLock { $0 = .failure(error) }
            }
            finished.signal()
        }
        client = try KernelClient(connection: connection)
        // The first IOPub message a subscriber sees is its welcome (a `starting` status can only
        // precede it if the subscription raced ahead of the kernel's first publication).
        var welcome = try client.receive(on: .iopub, timeout: 10)
        if welcome?.type == "status", welcome?.content["execution_state"] == "starting" {
            welcome = try client.receive(on: .iopub, timeout: 10)
        }
        XCTAssertEqual(welcome?.type, "iopub_welcome")
        XCTAssertEqual(welcome?.content["subscription"], "")
        XCTAssertEqual(welcome?.parentHeader, [:])
    }

    /// Waits for `run` to return; its exit status, or nil on timeout or error.
    func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        guard finished.wait(timeout: .now() + timeout) == .success else { return nil }
        finished.signal()
        return result.state.withLock { try? $0?.get() }
    }

    /// Shuts the kernel down (if still running) and removes the temporary directory.
    func stop() throws {
        if finished.wait(timeout: .now()) == .timedOut {
            try client.send("shutdown_request", ["restart": false], on: .control)
            _ = waitForExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// What the runtime's thread hands back: its exit status or the error it threw (nil while it runs).
final class RuntimeResult: Sendable {
    let state = Mutex<Result<Int32, any Error>?>(nil)
}
