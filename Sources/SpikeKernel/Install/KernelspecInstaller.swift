import Foundation

/// Writes the `spike` kernelspec (kernel.json and logos) where Jupyter looks for kernels.
///
/// The files come from inside the binary (``EmbeddedKernelspec``, made from the repository's
/// `kernelspec/spike/` folder), so any copy of the binary installs itself; `--from DIR` or
/// `SPIKE_KERNELSPEC_DIR` names another folder to copy instead. `kernel.json`'s `argv[0]` is
/// replaced by the absolute path of the running `spike` binary so the installed spec starts
/// exactly this build, wherever Jupyter runs from.
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
        case sourceNotFound(path: String)
        case noPythonEnvironment
        case unreadableTemplate(path: String, reason: String)

        public var description: String {
            switch self {
            case .sourceNotFound(let path):
                return "\(path) has no kernel.json: give --from (or SPIKE_KERNELSPEC_DIR) a kernelspec folder, "
                    + "or leave both out to install the kernelspec built into this binary"
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

    /// The kernelspec's files by name: those of the folder given by `--from` or
    /// `SPIKE_KERNELSPEC_DIR`, else the ones built into the binary.
    func sourceFiles(explicit: String?) throws -> [(name: String, contents: Data)] {
        guard let folder = explicit ?? environment["SPIKE_KERNELSPEC_DIR"] else {
            return EmbeddedKernelspec.files.map { file in
                (file.name, Data(base64Encoded: file.base64.filter { !$0.isNewline }) ?? Data())
            }
        }
        let source = URL(fileURLWithPath: folder)
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: source.appendingPathComponent("kernel.json").path) else {
            throw Failure.sourceNotFound(path: source.path)
        }
        return try fileManager.contentsOfDirectory(atPath: source.path).sorted().map { name in
            let url = source.appendingPathComponent(name)
            do { return (name, try Data(contentsOf: url)) } catch {
                throw Failure.unreadableTemplate(path: url.path, reason: error.localizedDescription)
            }
        }
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
        let files = try sourceFiles(explicit: explicitSource)
        let target = try kernelsDirectory(for: destination).appendingPathComponent(kernelName)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        for (name, contents) in files {
            let written = name == "kernel.json" ? try kernelJSON(template: contents, from: name) : contents
            try written.write(to: target.appendingPathComponent(name))
        }
        return target
    }

    /// The template's JSON with `argv[0]` set to this binary's absolute path.
    func kernelJSON(template data: Data, from path: String) throws -> Data {
        let template = URL(fileURLWithPath: path)
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
