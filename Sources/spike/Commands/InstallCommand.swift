import ArgumentParser
import Foundation
import SpikeKernel

/// `spike install`: registers the kernel with Jupyter.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Spike kernelspec so Jupyter can start this binary.",
        discussion: "Without a flag the spec goes to the user's Jupyter data folder."
    )

    @Flag(name: .long, help: "Install into ~/.local/share/jupyter/kernels (the default).")
    var user = false

    @Flag(name: .customLong("sys-prefix"), help: "Install into the active Python environment (VIRTUAL_ENV or python3's sys.prefix).")
    var sysPrefix = false

    @Option(name: .long, help: "Install into DIR/share/jupyter/kernels.")
    var prefix: String?

    @Option(name: .long, help: "A kernelspec folder to copy instead of the one built into this binary.")
    var from: String?

    func validate() throws {
        let chosen = [user, sysPrefix, prefix != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose at most one of --user, --sys-prefix and --prefix") }
    }

    func run() throws {
        let destination: KernelspecInstaller.Destination =
            sysPrefix ? .sysPrefix : prefix.map { .prefix($0) } ?? .user
        let installer = KernelspecInstaller(
            executablePath: CommandLine.executablePath,
            environment: ProcessInfo.processInfo.environment
        )
        do {
            let folder = try installer.install(to: destination, from: from)
            print("Installed the spike kernelspec in \(folder.path)")
        } catch let failure as KernelspecInstaller.Failure {
            throw ValidationError(failure.description)
        }
    }
}

extension CommandLine {
    /// The absolute path of the running executable (`/proc/self/exe` on Linux).
    static var executablePath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return URL(fileURLWithPath: arguments[0]).standardizedFileURL.path
    }
}
