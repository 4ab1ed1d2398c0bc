import Foundation
import SpikeLang

/// Output of `spike run`: text to the terminal, figures and tables to numbered files.
///
/// A display with an id writes the same file again on every update, so a live progress view
/// ends as its last state. The folder is created on the first rich output only.
final class FileOutputSink: OutputSink {
    private let folder: URL
    private var counter = 0
    private var filesByDisplayID: [String: String] = [:]
    /// The first file that could not be written, reported once the script ends.
    private(set) var problem: String?

    init(folder: URL) {
        self.folder = folder
    }

    func write(_ text: String, stream: TextStream) {
        let handle = stream == .stderr ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    func display(_ rendering: Rendering, id: String?) {
        let stem = nextStem()
        if let id { filesByDisplayID[id] = stem }
        show(rendering, stem: stem)
    }

    func update(_ rendering: Rendering, id: String) {
        let stem = filesByDisplayID[id] ?? nextStem()
        filesByDisplayID[id] = stem
        save(rendering, stem: stem)
    }

    func clear(wait: Bool) {}

    var isCancelled: Bool { false }

    /// Prints the text form and saves the rich forms of a shown value.
    func show(_ rendering: Rendering, stem: String? = nil) {
        let stem = stem ?? nextStem()
        let saved = save(rendering, stem: stem)
        var text = rendering.plain
        if !saved.isEmpty { text += "\n[saved " + saved.joined(separator: ", ") + "]" }
        write(text + "\n", stream: .stdout)
    }

    @discardableResult
    private func save(_ rendering: Rendering, stem: String) -> [String] {
        var written: [String] = []
        for (content, suffix) in [(rendering.svg, "svg"), (rendering.html, "html")] {
            guard let content else { continue }
            let url = folder.appendingPathComponent("\(stem).\(suffix)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
                written.append(url.path)
            } catch {
                if problem == nil { problem = "cannot write \(url.path): \(error.localizedDescription)" }
            }
        }
        return written
    }

    private func nextStem() -> String {
        counter += 1
        return String(format: "output-%03d", counter)
    }
}
