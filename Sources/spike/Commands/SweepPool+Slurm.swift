import Foundation
import SpikeKernel

/// `spike sweep --slurm`: a Slurm job array instead of local processes. The sweep writes
/// `DIR/slurm/commands.txt` (one `spike run` command line per unfinished run) and
/// `DIR/slurm/sweep.sbatch` (array task i runs line i and appends its record to
/// `DIR/sweep.jsonl` under a lock), then submits it with `sbatch` when that is on PATH
/// (docs/architecture.md §3). The same command again writes only the runs not yet ok.
extension SweepPool {
    /// What the job array needs besides the runs.
    struct SlurmTarget {
        /// The `spike` binary on the compute nodes.
        let spike: String
        /// Extra `#SBATCH` options (`--partition=gpu`, `--time=01:00:00`), one per line.
        let options: [String]
        /// Array tasks running at once (`%N`); nil: as many as Slurm allows.
        let concurrent: Int?
    }

    /// The files written, and `sbatch`'s answer when it was run.
    struct SlurmSubmission {
        let script: URL
        let commands: URL
        let sbatchOutput: String?
    }

    /// Writes the job array for every queued run and submits it if `sbatch` exists.
    func submit(to slurm: SlurmTarget) throws -> SlurmSubmission {
        let slurmFolder = folder.appendingPathComponent("slurm")
        try FileManager.default.createDirectory(at: slurmFolder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let journalPath = folder.appendingPathComponent("sweep.jsonl").path
        var lines: [String] = []
        for run in queue {
            let (_, arguments) = try prepareRun(run)
            let command = [slurm.spike] + arguments.prefix(1) + ["--id", run.id, "--append-record", journalPath] + arguments.dropFirst()
            lines.append(command.map(Self.shellQuoted).joined(separator: " "))
        }
        let commands = slurmFolder.appendingPathComponent("commands.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: commands, atomically: true, encoding: .utf8)
        let array = "1-\(queue.count)" + (slurm.concurrent.map { "%\($0)" } ?? "")
        let script = slurmFolder.appendingPathComponent("sweep.sbatch")
        let header =
            [
                "#!/bin/bash", "# Written by spike sweep: array task i runs line i of commands.txt (docs/architecture.md §3).",
                "#SBATCH --job-name=spike-sweep", "#SBATCH --array=\(array)",
                "#SBATCH --output=\(slurmFolder.appendingPathComponent("logs").path)/%A_%a.out"
            ] + slurm.options.map { "#SBATCH \($0)" }
        let body = [
            "set -euo pipefail",
            "line=$(sed -n \"${SLURM_ARRAY_TASK_ID}p\" \(Self.shellQuoted(commands.path)))",
            "# The run records itself in sweep.jsonl; a failing run is a recorded error, not a failed task.",
            "eval \"$line\" || true"
        ]
        try ((header + body).joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return SlurmSubmission(script: script, commands: commands, sbatchOutput: try Self.sbatch(script))
    }

    /// Runs `sbatch SCRIPT` when `sbatch` is on PATH: its output, or nil without it.
    private static func sbatch(_ script: URL) throws -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let sbatch = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("sbatch") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        let process = Process()
        process.executableURL = sbatch
        process.arguments = [script.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SweepInputError.unusableOutput(
                path: script.path, reason: "sbatch refused it: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` as one word for a POSIX shell: single-quoted unless plainly safe.
    static func shellQuoted(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_./:=,+@%".unicodeScalars.contains($0))
            }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
