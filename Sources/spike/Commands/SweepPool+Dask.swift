import Foundation
import JupyterWire
import SpikeKernel
import Synchronization

/// `spike sweep --dask ADDRESS`: the runs go to a Dask distributed scheduler instead of local
/// processes, through the companion package's launcher (`python -m spike_jupyter.dask_sweep`,
/// docs/architecture.md §3). The sweep keeps its plan, journal and resumption; the launcher only
/// carries each run's `spike run` command line to a worker and its record back.
extension SweepPool {
    /// Where and how the runs reach Dask.
    struct DaskTarget {
        let scheduler: String
        /// The Python that has the companion package and `distributed`.
        let python: String
        /// The `spike` binary on the workers.
        let spikeOnWorkers: String
    }

    /// Sends every queued run to Dask and keeps each record as it comes back; on a stop signal
    /// the launcher is told to stop (its runs get SIGINT on the workers) and the records that
    /// still come back are kept.
    mutating func drain(through dask: DaskTarget) {
        var lines = ""
        for run in queue {
            do {
                let (runFolder, arguments) = try prepareRun(run)
                let line = JSONValue.object([
                    "id": .string(run.id), "args": .array(arguments.map(JSONValue.string)),
                    "record": .string(runFolder.appendingPathComponent("run.json").path)
                ])
                lines += line.jsonString() + "\n"
            } catch {
                keep(
                    RunRecord(run: run, ending: "\(error)", logTail: [], host: RunRecord.localHost, started: Date(), finished: Date()),
                    of: run)
            }
        }
        let launcher = Process()
        launcher.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        launcher.arguments = [
            dask.python, "-m", "spike_jupyter.dask_sweep", "--scheduler", dask.scheduler, "--spike", dask.spikeOnWorkers
        ]
        let input = Pipe()
        let output = Pipe()
        launcher.standardInput = input
        launcher.standardOutput = output
        do {
            try launcher.run()
        } catch {
            problem = "cannot start the Dask launcher (\(dask.python) -m spike_jupyter.dask_sweep): \(error)"
            SweepCommand.say("spike sweep: \(problem!)")
            return
        }
        input.fileHandleForWriting.write(Data(lines.utf8))
        try? input.fileHandleForWriting.close()
        let inbox = LineInbox()
        let reader = output.fileHandleForReading
        let thread = Thread { inbox.read(from: reader) }
        thread.start()
        let byID = Dictionary(queue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        while true {
            if stoppedBy == nil, let signal = StopSignals.received {
                stoppedBy = signal
                SweepCommand.say("spike sweep: stopping (\(String(cString: strsignal(signal)))): telling the Dask runs to stop")
                launcher.interrupt()
            }
            let (received, ended) = inbox.take()
            for line in received {
                guard let json = JSONValue(jsonBytes: Data(line.utf8)), let id = json["id"]?.stringValue, let run = byID[id],
                    let recordJSON = json["record"], var record = RunRecord(json: recordJSON)
                else {
                    SweepCommand.say("spike sweep: warning: the Dask launcher sent an unreadable line: \(line.prefix(200))")
                    continue
                }
                record.id = id
                if record.params == .object([:]) {
                    record.params = RunRecord(run: run, ending: "", logTail: [], host: "", started: Date(), finished: Date()).params
                }
                keep(record, of: run)
            }
            if ended { break }
            usleep(SweepCommand.pollInterval)
        }
        launcher.waitUntilExit()
        if launcher.terminationStatus != 0, stoppedBy == nil {
            problem = "the Dask launcher exited with status \(launcher.terminationStatus)"
            SweepCommand.say("spike sweep: \(problem!)")
        }
    }
}

/// Lines read from the launcher's stdout on a thread of their own, handed to the sweep's loop.
private final class LineInbox: Sendable {
    private let state = Mutex((lines: [String](), ended: false))

    /// Reads whole lines until end of input.
    func read(from handle: FileHandle) {
        var pending = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                state.withLock { $0.lines.append(line) }
            }
        }
        state.withLock { $0.ended = true }
    }

    /// The lines read since the last call, and whether the input has ended.
    func take() -> ([String], Bool) {
        state.withLock { state in
            defer { state.lines.removeAll() }
            return (state.lines, state.ended)
        }
    }
}
