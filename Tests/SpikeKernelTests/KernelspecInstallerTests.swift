import Foundation
import XCTest

@testable import SpikeKernel

/// `spike install` writes a kernelspec that starts this very binary.
final class KernelspecInstallerTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("spike-install-\(UUID().uuidString)")
        let source = root.appendingPathComponent("repo/kernelspec/spike")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let template =
            #"{"argv": ["spike", "kernel", "-f", "{connection_file}"], "display_name": "Spike", "language": "spike", "interrupt_mode": "message"}"#
        try Data(template.utf8).write(to: source.appendingPathComponent("kernel.json"))
        try Data("<svg/>".utf8).write(to: source.appendingPathComponent("logo-svg.svg"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.build/release"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func installer(binary: String = "repo/.build/release/spike", environment: [String: String] = [:]) -> KernelspecInstaller {
        KernelspecInstaller(executablePath: root.appendingPathComponent(binary).path, environment: environment)
    }

    private var repositorySpec: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../kernelspec/spike").standardized
    }

    func testACopyOfTheBinaryFarFromAnyCheckoutInstallsTheSpecBuiltIntoIt() throws {
        let target = try installer(binary: "elsewhere/bin/spike").install(to: .prefix(root.appendingPathComponent("env").path), from: nil)
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("kernel.json"))) as? [String: Any]
        XCTAssertEqual(
            spec?["argv"] as? [String], [root.appendingPathComponent("elsewhere/bin/spike").path, "kernel", "-f", "{connection_file}"])
        XCTAssertEqual(spec?["display_name"] as? String, "Spike")
        for logo in ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"] {
            XCTAssertEqual(
                try Data(contentsOf: target.appendingPathComponent(logo)),
                try Data(contentsOf: repositorySpec.appendingPathComponent(logo)), logo)
        }
    }

    func testTheSpecBuiltIntoTheBinaryIsTheRepositorysKernelspecFolderByteForByte() throws {
        let folder = try FileManager.default.contentsOfDirectory(atPath: repositorySpec.path).sorted()
        XCTAssertEqual(EmbeddedKernelspec.files.map(\.name), folder, "run scripts/embed_kernelspec.py")
        for file in EmbeddedKernelspec.files {
            XCTAssertEqual(
                Data(base64Encoded: file.base64.filter { !$0.isNewline }),
                try Data(contentsOf: repositorySpec.appendingPathComponent(file.name)),
                "\(file.name) differs from kernelspec/spike: run scripts/embed_kernelspec.py")
        }
    }

    func testAFolderGivenWithFromIsCopiedAndArgvPointsAtTheBinary() throws {
        let source = root.appendingPathComponent("repo/kernelspec/spike").path
        let target = try installer().install(to: .prefix(root.appendingPathComponent("env").path), from: source)
        XCTAssertEqual(target.path, root.appendingPathComponent("env/share/jupyter/kernels/spike").path)
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("kernel.json"))) as? [String: Any]
        let argv = try XCTUnwrap(spec?["argv"] as? [String])
        XCTAssertEqual(argv, [root.appendingPathComponent("repo/.build/release/spike").path, "kernel", "-f", "{connection_file}"])
        XCTAssertEqual(spec?["interrupt_mode"] as? String, "message")
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("logo-svg.svg"), encoding: .utf8), "<svg/>")
    }

    func testTheBuiltInSpecDeclaresCurveEncryptionSoJupyterClientProvisionsKeys() throws {
        let target = try installer().install(to: .prefix(root.appendingPathComponent("env").path), from: nil)
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("kernel.json"))) as? [String: Any]
        let metadata = try XCTUnwrap(spec?["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["supported_encryption"] as? [String], ["curve"])
    }

    func testReinstallingReplacesTheOldSpec() throws {
        let prefix = KernelspecInstaller.Destination.prefix(root.appendingPathComponent("env").path)
        let target = try installer().install(to: prefix, from: nil)
        try Data("stale".utf8).write(to: target.appendingPathComponent("stale.txt"))
        _ = try installer().install(to: prefix, from: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("stale.txt").path))
    }

    func testUserAndSysPrefixDestinationsFollowJupyterConventions() throws {
        let environment = ["HOME": "/home/ada", "VIRTUAL_ENV": "/srv/venv"]
        XCTAssertEqual(
            try installer(environment: environment).kernelsDirectory(for: .user).path,
            "/home/ada/.local/share/jupyter/kernels")
        XCTAssertEqual(
            try installer(environment: environment).kernelsDirectory(for: .sysPrefix).path,
            "/srv/venv/share/jupyter/kernels")
        XCTAssertEqual(
            try installer(environment: ["JUPYTER_DATA_DIR": "/data/j"]).kernelsDirectory(for: .user).path,
            "/data/j/kernels")
    }

    func testAFromFolderWithoutKernelJSONIsOneErrorNamingItOnce() {
        let missing = root.appendingPathComponent("nowhere").path
        XCTAssertThrowsError(try installer().install(to: .prefix(root.appendingPathComponent("env").path), from: missing)) { error in
            XCTAssertEqual(error as? KernelspecInstaller.Failure, .sourceNotFound(path: missing))
            XCTAssertEqual((error as? KernelspecInstaller.Failure)?.description.components(separatedBy: missing).count, 2)
        }
        XCTAssertThrowsError(try installer(environment: ["SPIKE_KERNELSPEC_DIR": missing]).install(to: .prefix("/tmp/unused"), from: nil))
    }
}
