import Foundation

/// Writes the `spike` kernelspec (kernel.json and logos) where Jupyter looks for kernels.
///
/// The source files live in the repository's `kernelspec/spike/` folder; `kernel.json`'s
/// `argv[0]` is replaced by the absolute path of the running `spike` binary so the installed
/// spec starts exactly this build, wherever Jupyter runs from.
public struct KernelspecInstaller {
    /// Where the kernelspec goes, as `jupyter kernelspec install` names the choices.
    public enum Destination: Equatable, Sendable {
        /// `~/.local/share/jupyter/kernels/spike` (or `$JUPYTER_DATA_DIR/kernels/spike`).
        case user
        /// `{sys.prefix}/share/jupyter/kernels/spike` of the active Python environment.
        case sysPrefix
        /// `DIR/share/jupyter/kernels/spike`.
        case prefix(String)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case sourceNotFound(searched: [String])
        case noPythonEnvironment
        case unreadableTemplate(path: String, reason: String)

        public var description: String {
            switch self {
            case .sourceNotFound(let searched):
                return "cannot find kernelspec/spike/kernel.json; looked in:\n  "
                    + searched.joined(separator: "\n  ")
                    + "\nPass --from DIR or set SPIKE_KERNELSPEC_DIR."
            case .noPythonEnvironment:
                return "--sys-prefix needs an active Python environment: set VIRTUAL_ENV or put python3 on PATH"
            case .unreadableTemplate(let path, let reason):
                return "cannot use \(path): \(reason)"
            }
        }
    }

    let kernelName = "spike"
    let executablePath: String
    let environment: [String: String]

    /// An installer writing `executablePath` as the kernel's `argv[0]`; `environment` gives
    /// `JUPYTER_DATA_DIR`, `VIRTUAL_ENV`, `SPIKE_KERNELSPEC_DIR` and `HOME`.
    public init(executablePath: String, environment: [String: String]) {
        self.executablePath = executablePath
        self.environment = environment
    }

    /// Finds `kernelspec/spike` next to the binary or in any folder above it (a build folder
    /// inside the repository), or at an explicit location.
    func sourceDirectory(explicit: String?) throws -> URL {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let fromEnvironment = environment["SPIKE_KERNELSPEC_DIR"] {
            candidates.append(URL(fileURLWithPath: fromEnvironment))
        }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("kernelspec/spike"))
            candidates.append(folder.appendingPathComponent("share/spike/kernelspec/spike"))
            folder.deleteLastPathComponent()
        }
        let fileManager = FileManager.default
        if let found = candidates.first(where: {
            fileManager.fileExists(atPath: $0.appendingPathComponent("kernel.json").path)
        }) {
            return found
        }
        throw Failure.sourceNotFound(searched: candidates.map(\.path))
    }

    /// The kernels folder for a destination, e.g. `~/.local/share/jupyter/kernels`.
    func kernelsDirectory(for destination: Destination) throws -> URL {
        switch destination {
        case .user:
            if let dataDirectory = environment["JUPYTER_DATA_DIR"] {
                return URL(fileURLWithPath: dataDirectory).appendingPathComponent("kernels")
            }
            let home = environment["HOME"] ?? NSHomeDirectory()
            return URL(fileURLWithPath: home).appendingPathComponent(".local/share/jupyter/kernels")
        case .sysPrefix:
            let prefix = try environment["VIRTUAL_ENV"] ?? pythonSysPrefix()
            return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels")
        case .prefix(let directory):
            return URL(fileURLWithPath: directory).appendingPathComponent("share/jupyter/kernels")
        }
    }

    /// Copies the kernelspec, rewriting `argv[0]`; returns the folder written.
    public func install(to destination: Destination, from explicitSource: String?) throws -> URL {
        let source = try sourceDirectory(explicit: explicitSource)
        let target = try kernelsDirectory(for: destination).appendingPathComponent(kernelName)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: source.path) where name != "kernel.json" {
            try fileManager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        let spec = try kernelJSON(template: source.appendingPathComponent("kernel.json"))
        try spec.write(to: target.appendingPathComponent("kernel.json"))
        return target
    }

    /// The template's JSON with `argv[0]` set to this binary's absolute path.
    func kernelJSON(template: URL) throws -> Data {
        let data: Data
        do { data = try Data(contentsOf: template) } catch {
            throw Failure.unreadableTemplate(path: template.path, reason: error.localizedDescription)
        }
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            var argv = object["argv"] as? [String], !argv.isEmpty
        else {
            throw Failure.unreadableTemplate(path: template.path, reason: "not a kernel.json with an argv list")
        }
        argv[0] = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path
        object["argv"] = argv
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    private func pythonSysPrefix() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure.noPythonEnvironment }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !output.isEmpty else { throw Failure.noPythonEnvironment }
        return output
    }
}
