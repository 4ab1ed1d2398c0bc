import Foundation
import JupyterWire
import SpikeKernel

/// `spike sweep`'s local process pool: at most `workers` `spike run` children at a time, each
/// run's record appended to the journal as it ends.
///
/// One loop on the calling thread: start runs while there is room, reap ended children
/// (`waitpid` without blocking), look at the stop flag, sleep `pollInterval`. On a stop signal
/// no new run starts, the running ones get the same signal, and whatever still runs after
/// `gracePeriod` is killed; a run that ends without a record after a stop is not recorded
/// (it runs again on resume).
struct SweepPool {
    /// The runs to do, in plan order.
    let queue: [SweepRun]
    let workers: Int
    /// The script's absolute path.
    let script: String
    let folder: URL
    let journal: JournalFile
    /// Runs skipped because an earlier sweep finished them.
    var skipped = 0
    var ok = 0
    var failed = 0
    /// The signal that stopped the sweep, if one did.
    var stoppedBy: Int32?
    /// Why records can no longer be kept (the journal cannot be written); stops the sweep.
    var problem: String?
    private var running: [pid_t: Running] = [:]
    private var next = 0
    private var killDeadline: Date?

    private struct Running {
        let run: SweepRun
        let child: ChildProcess
        let folder: URL
        let started: Date
    }

    init(runs: [SweepRun], workers: Int, script: String, folder: URL, journal: JournalFile) {
        self.queue = runs
        self.workers = workers
        self.script = script
        self.folder = folder
        self.journal = journal
    }

    /// Runs the queue until every run ended or a stop signal (or a journal failure) ended the sweep.
    mutating func drain() {
        while true {
            if stoppedBy == nil, let signal = StopSignals.received { stop(signal) }
            if let deadline = killDeadline, Date() >= deadline {
                for entry in running.values { entry.child.send(SIGKILL) }
                killDeadline = .distantFuture
            }
            while stoppedBy == nil, problem == nil, running.count < workers, next < queue.count {
                start(queue[next])
                next += 1
            }
            if running.isEmpty, stoppedBy != nil || problem != nil || next == queue.count { return }
            if let (pid, exit) = ChildProcess.reap() {
                end(pid, exit: exit)
            } else {
                usleep(SweepCommand.pollInterval)
            }
        }
    }

    private mutating func stop(_ signal: Int32) {
        stoppedBy = signal
        SweepCommand.say("spike sweep: stopping (\(String(cString: strsignal(signal)))): interrupting \(running.count) running runs")
        for entry in running.values { entry.child.send(signal) }
        killDeadline = Date().addingTimeInterval(SweepCommand.gracePeriod)
    }

    /// Empties (or makes) the folder of `run` and gives the `spike` arguments that run it into it.
    func prepareRun(_ run: SweepRun) throws -> (folder: URL, arguments: [String]) {
        let runFolder = folder.appendingPathComponent("runs").appendingPathComponent(run.id)
        try? FileManager.default.removeItem(at: runFolder)
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
        let arguments =
            [
                "run", "--out", runFolder.path, "--result-json", runFolder.appendingPathComponent("result.json").path,
                "--record", runFolder.appendingPathComponent("run.json").path, script
            ] + run.arguments
        return (runFolder, arguments)
    }

    private mutating func start(_ run: SweepRun) {
        let started = Date()
        do {
            let (runFolder, arguments) = try prepareRun(run)
            let child = try ChildProcess.spawn(
                executable: CommandLine.executablePath, arguments: arguments,
                log: runFolder.appendingPathComponent("log.txt").path)
            running[child.pid] = Running(run: run, child: child, folder: runFolder, started: started)
        } catch {
            keep(
                RunRecord(run: run, ending: "\(error)", logTail: [], host: RunRecord.localHost, started: started, finished: Date()),
                of: run)
        }
    }

    private mutating func end(_ pid: pid_t, exit: ChildProcess.Exit) {
        guard let entry = running.removeValue(forKey: pid) else { return }
        let recordFile = entry.folder.appendingPathComponent("run.json")
        if let data = try? Data(contentsOf: recordFile), let json = JSONValue(jsonBytes: data), var record = RunRecord(json: json) {
            record.id = entry.run.id
            keep(record, of: entry.run)
        } else if stoppedBy == nil {
            let tail = Self.lastLines(of: entry.folder.appendingPathComponent("log.txt"))
            keep(
                RunRecord(
                    run: entry.run, ending: exit.description, logTail: tail, host: RunRecord.localHost, started: entry.started,
                    finished: Date()),
                of: entry.run)
        }
    }

    /// Appends the record of `run` to the journal and prints a progress line.
    mutating func keep(_ record: RunRecord, of run: SweepRun) {
        let arguments = run.arguments.joined(separator: " ")
        do {
            try journal.append(record)
        } catch {
            problem = "\(error): the record of \(arguments) is lost; the sweep stops"
            SweepCommand.say("spike sweep: \(problem!)")
            return
        }
        let count = ok + failed + 1
        let seconds = String(format: "%.2f s", record.seconds)
        switch record.status {
        case .ok:
            ok += 1
            SweepCommand.say("[\(count)/\(queue.count)] ok     \(arguments)  \(seconds)")
        case .error:
            failed += 1
            let message = record.error?.split(separator: "\n").first.map(String.init) ?? ""
            SweepCommand.say("[\(count)/\(queue.count)] error  \(arguments)  \(seconds): \(message)")
        }
    }

    /// The last few lines of a log (read from its last 4 KiB).
    private static func lastLines(of url: URL, count: Int = 5) -> [String] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        return Array(text.split(separator: "\n").suffix(count).map(String.init))
    }

    /// The closing line: counts and wall time.
    func summary(wallTime: TimeInterval, journal path: String) -> String {
        let stopped = stoppedBy.map { "stopped (\(String(cString: strsignal($0)))): " } ?? ""
        let notRun = queue.count - ok - failed
        return "spike sweep: \(stopped)\(ok) ok, \(failed) failed, \(skipped) skipped (finished before), "
            + "\(notRun) not run; wall time \(String(format: "%.1f", wallTime)) s; records in \(path)"
    }
}
