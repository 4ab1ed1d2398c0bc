import ArgumentParser
import Foundation
import SpikeKernel
import SpikeLang

/// `spike run FILE.spk [NAME=VALUE …]`: runs a script outside Jupyter.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Spike script: text to stdout, figures and tables to files.",
        discussion: """
            The whole file runs as one cell. Every figure is written as an .svg file and every \
            table as an .html file in the output folder, and their text form is printed. On an \
            error the message (with the line and a caret) goes to stderr and the exit status is 1.

            Each NAME=VALUE binds NAME before the script's first line. VALUE is a Spike literal: \
            a number, a "string" (quoted for the shell: pe='"cpg"'), true, false, none, a list or \
            a record; a bare word such as cpg is the string "cpg". A malformed argument is a usage \
            error (exit status 2); a name the script never mentions gets a warning.
            """
    )

    @Argument(help: "The script to run (.spk).")
    var file: String

    @Argument(help: ArgumentHelp("Names bound before the script's first line.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(name: .long, help: "Folder for figures and tables (default: FILE's name without .spk, plus -out).")
    var out: String?

    @Option(name: .customLong("result-json"), help: "Write the script's last value as JSON to this file.")
    var resultJSON: String?

    @Option(help: "Write the run's record (parameters, result, status, error, time, host) as JSON to this file.")
    var record: String?

    @Option(
        name: .customLong("append-record"),
        help: "Append the run's record as one line to this sweep.jsonl, under an exclusive lock (how a Slurm array task reports).")
    var appendRecord: String?

    @Option(help: "The run's id in its record (set by spike sweep).")
    var id: String?

    func run() throws {
        let source: String
        let bound: [ScriptParameter]
        do {
            source = try Self.readScript(file)
            bound = try Self.parameters(parameters)
        } catch {
            throw UsageFailure.exit(error, command: "run")
        }
        let identifiers = ScriptText.identifiers(in: source)
        for parameter in bound where !identifiers.contains(parameter.name) && parameter.name != Session.seedParameter {
            FileHandle.standardError.write(Data("spike run: warning: the parameter '\(parameter.name)' does not appear in \(file)\n".utf8))
        }
        let folder = URL(fileURLWithPath: out ?? defaultOutputFolder())
        let sink = FileOutputSink(folder: folder)
        let session = Session()
        for parameter in bound { session.bind(parameter.name, to: parameter.value) }
        let started = Date()
        let outcome = session.runScript(source, output: sink)
        sink.finish()
        if let result = outcome.cell.result { sink.show(result) }
        for page in outcome.cell.pages { print(page) }
        let failure = outcome.cell.failure.map { $0.name + ": " + $0.message } ?? sink.problem
        if let failure = outcome.cell.failure {
            let lines = failure.traceback.isEmpty ? [failure.name + ": " + failure.message] : failure.traceback
            let text = lines.joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else if let problem = sink.problem {
            FileHandle.standardError.write(Data("spike: \(problem)\n".utf8))
        }
        try writeFiles(outcome.value, parameters: bound, failure: failure, started: started)
        if failure != nil { throw ExitCode(1) }
    }

    /// Writes `--result-json` (on success only) and `--record`.
    private func writeFiles(_ value: PlainValue?, parameters: [ScriptParameter], failure: String?, started: Date) throws {
        var record = RunRecord(
            parameters: parameters, result: value, failure: failure, host: RunRecord.localHost, started: started,
            finished: Date())
        record.id = id
        do {
            if let resultJSON, failure == nil { try JSONFile.write(record.result, to: URL(fileURLWithPath: resultJSON)) }
            if let path = self.record { try JSONFile.write(record.json, to: URL(fileURLWithPath: path)) }
            if let path = appendRecord { try JournalFile.appendLocked(record, to: path) }
        } catch {
            FileHandle.standardError.write(Data("spike: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The script's text; a usage error when it cannot be read.
    static func readScript(_ path: String) throws(SweepInputError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableScript(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    /// The parsed `NAME=VALUE` arguments; a name given twice is a usage error.
    static func parameters(_ arguments: [String]) throws(SweepInputError) -> [ScriptParameter] {
        var parsed: [ScriptParameter] = []
        for argument in arguments {
            let parameter = try ScriptParameter.parse(argument)
            guard !parsed.contains(where: { $0.name == parameter.name }) else { throw .duplicateName(parameter.name) }
            parsed.append(parameter)
        }
        return parsed
    }

    private func defaultOutputFolder() -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingPathExtension().path + "-out"
    }
}

/// A command line that cannot start: its message on stderr, then exit status 2 (the usage
/// error status of getopt-style tools).
enum UsageFailure {
    static func exit(_ error: any Error, command: String) -> ExitCode {
        FileHandle.standardError.write(Data("spike \(command): error: \(error)\n".utf8))
        return ExitCode(Spike.usageFailureStatus)
    }
}
