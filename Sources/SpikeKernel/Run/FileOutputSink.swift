import Foundation
import SpikeLang

/// Output of `spike run`: text to the terminal, figures and tables to numbered files.
///
/// A display with an id writes the same file again on every update, so a live view (the
/// training progress bar) ends as its last state. On a terminal an update also redraws its
/// text on one line (`\r`); into a pipe or file it prints a new line at most every
/// `updateInterval` seconds. The folder is created on the first rich output only; each file
/// is written beside its name and renamed over it (`FileReplacement`), so a symlink already
/// standing at that name is replaced, never followed.
public final class FileOutputSink: OutputSink {
    private let folder: URL
    private let interactive: Bool
    private let updateInterval: TimeInterval
    private let now: () -> Date
    private let emit: (String, TextStream) -> Void
    private let readLine: (_ password: Bool) -> String?
    private var counter = 0
    private var filesByDisplayID: [String: String] = [:]
    private var lastPrintedUpdate: [String: Date] = [:]
    /// The newest text of each live display whose update was not printed yet.
    private var unprintedUpdates: [(id: String, line: String)] = []
    /// True while the cursor stands at the end of a redrawn progress line.
    private var liveLine = false
    /// The first file that could not be written, reported once the script ends.
    public private(set) var problem: String?

    public init(
        folder: URL, interactive: Bool = isatty(STDOUT_FILENO) != 0, updateInterval: TimeInterval = 2,
        now: @escaping () -> Date = Date.init,
        emit: @escaping (String, TextStream) -> Void = FileOutputSink.standardStreams,
        readLine: @escaping (_ password: Bool) -> String? = FileOutputSink.standardInputLine
    ) {
        self.readLine = readLine
        self.folder = folder
        self.interactive = interactive
        self.updateInterval = updateInterval
        self.now = now
        self.emit = emit
    }

    /// Writes to the process's stdout or stderr.
    public static func standardStreams(_ text: String, _ stream: TextStream) {
        let handle = stream == .stderr ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    public func write(_ text: String, stream: TextStream) {
        if liveLine {
            emit("\n", .stdout)
            liveLine = false
        }
        emit(text, stream)
    }

    public func display(_ rendering: Rendering, id: String?) {
        let stem = nextStem()
        if let id {
            filesByDisplayID[id] = stem
            lastPrintedUpdate[id] = now()
        }
        show(rendering, stem: stem)
    }

    public func update(_ rendering: Rendering, id: String) {
        let stem = filesByDisplayID[id] ?? nextStem()
        filesByDisplayID[id] = stem
        save(rendering, stem: stem)
        let line = rendering.plain.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if interactive {
            emit("\r\u{1B}[2K" + line, .stdout)
            liveLine = true
        } else if lastPrintedUpdate[id].map({ now().timeIntervalSince($0) >= updateInterval }) ?? true {
            unprintedUpdates.removeAll { $0.id == id }
            write(line + "\n", stream: .stdout)
            lastPrintedUpdate[id] = now()
        } else {
            unprintedUpdates.removeAll { $0.id == id }
            unprintedUpdates.append((id, line))
        }
    }

    /// Prints the last state of every live display that an interval held back, and ends a
    /// redrawn line; called when the script ends.
    public func finish() {
        let pending = unprintedUpdates
        unprintedUpdates = []
        for update in pending { write(update.line + "\n", stream: .stdout) }
        if liveLine { write("", stream: .stdout) }
    }

    public func clear(wait: Bool) {}

    public var isCancelled: Bool { false }

    /// `input`: writes the prompt to stdout and reads a line of standard input; at its end,
    /// there is no one to ask.
    public func readInput(prompt: String, password: Bool) -> InputReading {
        write(prompt, stream: .stdout)
        return readLine(password).map(InputReading.text) ?? .unavailable
    }

    /// A line of the process's standard input without its newline, nil at its end; with
    /// `password` on a terminal, typed without echo.
    public static func standardInputLine(password: Bool) -> String? {
        guard password, isatty(STDIN_FILENO) != 0 else { return Swift.readLine(strippingNewline: true) }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }

    /// Prints the text form and saves the rich forms of a shown value.
    public func show(_ rendering: Rendering, stem: String? = nil) {
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
                try FileReplacement.replace(url, with: Data(content.utf8))
                written.append(url.path)
            } catch let failure as FileReplacement.Failure {
                if problem == nil { problem = failure.description }
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
