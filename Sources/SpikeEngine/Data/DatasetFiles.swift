import Foundation

/// Finds the bundled data files without ever trapping.
///
/// SwiftPM copies `Resources/Datasets` into a resource bundle next to the executable
/// (`Spike_SpikeEngine.resources` on Linux, `Spike_SpikeEngine.bundle` on macOS). Its
/// generated `Bundle.module` accessor stops the process when that bundle is missing (for
/// example when the `spike` binary was copied away from its build folder), which a kernel must
/// not do; so the bundle is looked up here by hand, then the source tree the binary was built
/// from, and a missing file becomes `DataError.fileNotFound`.
enum DatasetFiles {
    /// The URL of `Datasets/<name>`, or nil when no candidate folder holds it.
    static func url(of name: String) -> URL? {
        candidateFolders().map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// Where `Datasets/` may be, most specific first.
    private static func candidateFolders() -> [URL] {
        var roots = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            roots.append(executable.deletingLastPathComponent())
        }
        var folders: [URL] = []
        for root in roots {
            folders.append(root.appendingPathComponent("Spike_SpikeEngine.resources/Datasets"))
            folders.append(root.appendingPathComponent("Spike_SpikeEngine.bundle/Contents/Resources/Datasets"))
            folders.append(root.appendingPathComponent("Spike_SpikeEngine.bundle/Datasets"))
        }
        // This file is Sources/SpikeEngine/Data/DatasetFiles.swift; the data sit in ../Resources.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        folders.append(sources.appendingPathComponent("Resources/Datasets"))
        return folders
    }
}
