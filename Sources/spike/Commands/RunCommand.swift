import ArgumentParser
import Foundation
import SpikeKernel
import SpikeLang

/// `spike run FILE.spk`: runs a script outside Jupyter.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Spike script: text to stdout, figures and tables to files.",
        discussion: """
            The whole file runs as one cell. Every figure is written as an .svg file and every \
            table as an .html file in the output folder, and their text form is printed. On an \
            error the message (with the line and a caret) goes to stderr and the exit status is 1.
            """
    )

    @Argument(help: "The script to run (.spk).")
    var file: String

    @Option(name: .long, help: "Folder for figures and tables (default: FILE's name without .spk, plus -out).")
    var out: String?

    func run() throws {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let folder = URL(fileURLWithPath: out ?? defaultOutputFolder())
        let sink = FileOutputSink(folder: folder)
        let outcome = Session().run(source, output: sink)
        sink.finish()
        if let result = outcome.result { sink.show(result) }
        for page in outcome.pages { print(page) }
        if let failure = outcome.failure {
            let lines = failure.traceback.isEmpty ? [failure.name + ": " + failure.message] : failure.traceback
            let text = lines.joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
            throw ExitCode(1)
        }
        if let problem = sink.problem {
            FileHandle.standardError.write(Data("spike: \(problem)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func defaultOutputFolder() -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingPathExtension().path + "-out"
    }
}
