import ArgumentParser
import Foundation
import JupyterWire
import SpikeKernel
import SpikeLang

/// `spike sweep SCRIPT.spk NAME=VALUES… --out DIR`: runs a script once per combination of
/// values, each run a `spike run` process of its own, a fixed number at a time.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a script once per combination of parameter values, in parallel processes.",
        discussion: """
            VALUES is literals separated by commas (pe=none,sinusoidal,cpg) or a half-open range \
            (seed=0..48), or both (seed=0..4,10); the sweep runs every combination. Each run is \
            `spike run SCRIPT NAME=VALUE… --out DIR/runs/ID --result-json … --record …` in its \
            own process, with its figures, result.json, run.json and log.txt in DIR/runs/ID. \
            DIR/sweep.jsonl gets one line per finished run (params, result, status, error, \
            seconds, host, started, finished). Running the same command again skips the runs \
            whose line says ok. Ctrl-C stops the sweep: no new run starts, running ones are \
            interrupted, finished lines are kept (exit status 130). The exit status is 1 if a \
            run failed, 2 for a command line that cannot start.
            """
    )

    @Argument(help: "The script to run (.spk).")
    var script: String

    @Argument(help: ArgumentHelp("The values of each name: a,b,c or a..b.", valueName: "NAME=VALUES"))
    var parameters: [String] = []

    @Option(help: "Folder for sweep.jsonl and runs/.")
    var out: String

    @Option(help: "Runs at a time (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Send the runs to this Dask distributed scheduler (e.g. tcp://10.0.0.5:8786) instead of local processes.")
    var dask: String?

    @Option(help: "With --dask: the Python that has spike_jupyter and distributed (default: $SPIKE_PYTHON, else python3).")
    var python: String = ProcessInfo.processInfo.environment["SPIKE_PYTHON"] ?? "python3"

    @Option(
        help: "With --dask or --slurm: the spike binary on the workers (default: spike on their PATH for --dask, this binary for --slurm).")
    var spikeOnWorkers: String?

    @Flag(help: "Write a Slurm job array (DIR/slurm/sweep.sbatch, one task per run) and submit it with sbatch if it is on PATH.")
    var slurm = false

    @Option(
        name: .customLong("slurm-option"),
        help: ArgumentHelp("With --slurm: an extra #SBATCH option (repeatable), e.g. --slurm-option=--time=01:00:00.", valueName: "OPTION"))
    var slurmOptions: [String] = []

    /// Seconds an interrupted run has to end before it is killed.
    static let gracePeriod: TimeInterval = 3
    /// How often the pool looks for ended runs and stop signals.
    static let pollInterval: useconds_t = 20_000

    func run() throws {
        let plan: SweepPlan
        let folder = URL(fileURLWithPath: out)
        let journal: JournalFile
        do {
            plan = try makePlan()
            try Self.prepare(folder)
            journal = try JournalFile(url: folder.appendingPathComponent("sweep.jsonl"))
        } catch {
            throw UsageFailure.exit(error, command: "sweep")
        }
        let finished = journal.journal.finishedIDs
        var pool = SweepPool(
            runs: plan.runs.filter { !finished.contains($0.id) }, workers: workers,
            script: URL(fileURLWithPath: script).standardizedFileURL.path, folder: folder, journal: journal)
        pool.skipped = plan.runs.count - pool.queue.count
        if !journal.journal.unreadableLines.isEmpty {
            Self.say("spike sweep: warning: ignoring unreadable lines \(journal.journal.unreadableLines) of sweep.jsonl")
        }
        Self.say(
            "spike sweep: \(plan.runs.count) runs, \(pool.skipped) finished before (skipped), \(pool.queue.count) to run, "
                + "\(min(workers, max(pool.queue.count, 1))) at a time")
        if slurm {
            try submitToSlurm(pool)
            return
        }
        StopSignals.install()
        let clock = Date()
        if let dask {
            pool.drain(through: SweepPool.DaskTarget(scheduler: dask, python: python, spikeOnWorkers: spikeOnWorkers ?? "spike"))
        } else {
            pool.drain()
        }
        Self.say(pool.summary(wallTime: Date().timeIntervalSince(clock), journal: folder.appendingPathComponent("sweep.jsonl").path))
        if let signal = pool.stoppedBy { throw ExitCode(128 + signal) }
        if pool.failed > 0 || pool.problem != nil { throw ExitCode(1) }
    }

    /// `--slurm`: writes the job array of the runs still to do and submits it when `sbatch` exists.
    private func submitToSlurm(_ pool: SweepPool) throws {
        guard !pool.queue.isEmpty else {
            Self.say("spike sweep: nothing to submit: every run finished before")
            return
        }
        let submission: SweepPool.SlurmSubmission
        do {
            submission = try pool.submit(
                to: SweepPool.SlurmTarget(
                    spike: spikeOnWorkers ?? CommandLine.executablePath, options: slurmOptions,
                    concurrent: workersGiven ? workers : nil))
        } catch {
            throw UsageFailure.exit(error, command: "sweep")
        }
        Self.say("spike sweep: wrote \(submission.script.path) (\(pool.queue.count) array tasks; commands in \(submission.commands.path))")
        if let answer = submission.sbatchOutput {
            Self.say("spike sweep: sbatch: \(answer)")
        } else {
            Self.say("spike sweep: sbatch is not on PATH; submit it on the cluster with: sbatch \(submission.script.path)")
        }
        Self.say(
            "spike sweep: each task appends its record to \(out)/sweep.jsonl; run the same command again to resubmit what did not finish")
    }

    /// Whether `--workers` was given (it caps the array's running tasks only then).
    private var workersGiven: Bool { CommandLine.arguments.contains { $0 == "--workers" || $0.hasPrefix("--workers=") } }

    private func makePlan() throws -> SweepPlan {
        guard workers >= 1 else { throw SweepInputError.invalidWorkers(workers) }
        let source = try RunCommand.readScript(script)
        var axes: [SweepAxis] = []
        for argument in parameters { axes.append(try SweepAxis.parse(argument)) }
        let plan = try SweepPlan(axes: axes)
        if let unused = plan.names(missingFrom: ScriptText.identifiers(in: source).union([Session.seedParameter])).first {
            throw SweepInputError.unusedName(unused, script: script)
        }
        return plan
    }

    /// Makes the output folder and its `runs/`; refuses a path that is not a folder.
    private static func prepare(_ folder: URL) throws(SweepInputError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .unusableOutput(path: folder.path, reason: "it is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
        } catch {
            throw .unusableOutput(path: folder.path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
    }

    /// Prints a line at once (stdout may be a pipe).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
