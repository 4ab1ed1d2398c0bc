import Foundation
import SpikeEngine

/// `sweep_results`: a sweep run elsewhere (`spike sweep`, docs/architecture.md §3) read back
/// into the comparison view `compare` gives (docs/language.md §7 "Training").
enum SweepLibrary {
    static func builtins() -> [Builtin] {
        [sweepResults()]
    }

    private static func sweepResults() -> Builtin {
        Builtin(
            "sweep_results", topic: .training,
            summary:
                "Reads a sweep's DIR/sweep.jsonl (spike sweep) into the comparison view compare gives: one row per arm, one sample per seed; failed runs are left out and listed."
        ) { p in
            let path = p.declare("path", .string, doc: "the sweep's output folder (or its sweep.jsonl)")
            let arm = p.declare(
                "arm", .any, default: Value.none,
                doc: "the parameter (a name, or a list of names) whose values are the rows; none: every parameter but seed")
            let seed = p.declare("seed", .string, default: "seed", doc: "the parameter that numbers the seeds")
            let failure = StatisticsLibrary.failureParameter(p)
            return { arguments, evaluator in
                let given = try arguments[path]
                var isDirectory: ObjCBool = false
                let isFolder = FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) && isDirectory.boolValue
                let file = isFolder ? (given as NSString).appendingPathComponent("sweep.jsonl") : given
                let names: [String]?
                switch try arguments[arm] {
                case .none: names = nil
                case .string(let name): names = [name]
                case .list(let items):
                    names = try items.map { item in
                        guard case .string(let name) = item else { throw arguments.mismatch(arm, expected: "a name or a list of names") }
                        return name
                    }
                default: throw arguments.mismatch(arm, expected: "a name or a list of names")
                }
                let log = try arguments.data { try SweepLog(contentsOf: file) }
                guard log.runs.contains(where: \.ok) else {
                    throw arguments.invalid(path, "no run of the sweep in \(file) finished (\(log.runs.count) recorded)")
                }
                var comparison: Comparison
                do {
                    comparison = try log.comparison(arm: names, seed: try arguments[seed])
                } catch EngineError.value(_, let message) {
                    throw arguments.invalid(seed, message)
                }
                comparison.failure = try StatisticsLibrary.failureRule(arguments, failure, for: comparison)
                let failed = log.runs.filter { !$0.ok }
                if !failed.isEmpty {
                    let listed = failed.prefix(5).map { run in
                        let params = run.params.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
                        return "  \(params): \(run.error ?? "failed")"
                    }
                    let more = failed.count > 5 ? ["  … and \(failed.count - 5) more"] : []
                    evaluator.sink.write(
                        (["\(failed.count) of \(log.runs.count) runs failed and are left out:"] + listed + more)
                            .joined(separator: "\n") + "\n", stream: .stderr)
                }
                return .model(.comparison(comparison))
            }
        }
    }
}
