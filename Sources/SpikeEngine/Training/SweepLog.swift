import Foundation

/// The runs of a sweep as `spike sweep` records them, one JSON object per line of
/// `sweep.jsonl` (docs/architecture.md §3): `params` (name → value), `result` (the script's
/// last value), `status` ("ok" or "error"), `error` (its message) and `seconds`.
///
///     let log = try SweepLog(contentsOf: "out/sweep.jsonl")
///     let table = try log.comparison(arm: ["pe"], seed: "seed")   // rows: pe=none, pe=cpg, …
///
/// Reading skips blank lines and a torn last line (a sweep killed while appending); any other
/// line that is not a run record is an error naming the line.
public struct SweepLog: Sendable {
    /// One run's record.
    public struct Run: Sendable {
        /// The parameters in the order they were given, each in its text form (`"cpg"`, `3`).
        public let params: [(name: String, value: String)]
        /// The numbers the result holds: each numeric field of a record result (in a stable
        /// order: r2, rse, mse, mae, accuracy first, then by name), or `result` for a number.
        public let metrics: [(name: String, value: Double)]
        public let ok: Bool
        public let error: String?
        public let seconds: Double

        /// The value of parameter `name`, if the run had it.
        public func param(_ name: String) -> String? {
            params.first { $0.name == name }?.value
        }
    }

    public let runs: [Run]

    /// Reads `path`; throws `DataError.fileNotFound` when it is missing and
    /// `.unreadableFile` naming the line when a line is not a run record.
    public init(contentsOf path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw DataError.fileNotFound(path: path)
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var runs: [Run] = []
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let isLast = index == lines.count - 1
            guard let run = Self.run(from: Substring(line)) else {
                // A sweep killed mid-append leaves a torn last line without its newline.
                if isLast { break }
                throw DataError.unreadableFile(
                    path: path, reason: "line \(index + 1) is not a sweep run record (a JSON object with params and status)")
            }
            runs.append(run)
        }
        self.runs = runs
    }

    public init(runs: [Run]) {
        self.runs = runs
    }

    /// The comparison of the finished runs: one row per value of the `arm` parameters (all but
    /// `seed` when nil; rows are named by the value of a single arm parameter, by
    /// `name=value, …` for several), one sample per seed, in seed order; `seconds` from the log. Throws
    /// `.value(argument: .seed)` when a finished run lacks `seed` or gives it as other than
    /// a whole number ≥ 0, or when no run finished.
    public func comparison(arm: [String]?, seed: String) throws -> Comparison {
        let finished = runs.filter(\.ok)
        guard !finished.isEmpty else {
            throw EngineError.value(argument: .seeds, message: "no run of the sweep finished (\(runs.count) recorded)")
        }
        var seeds: [UInt64] = []
        var keyed: [(arm: String, seed: UInt64, run: Run)] = []
        for run in finished {
            guard let text = run.param(seed), let value = UInt64(text) else {
                throw EngineError.value(
                    argument: .seeds,
                    message: "every run needs a whole-number parameter '\(seed)' ≥ 0 (got \(run.param(seed) ?? "none"))")
            }
            let names = arm ?? run.params.map(\.name).filter { $0 != seed }
            // One arm parameter names rows by its values (`cpg`), several by name=value pairs.
            let label =
                names.count == 1
                ? run.param(names[0]) ?? "none"
                : names.map { name in "\(name)=\(run.param(name) ?? "none")" }.joined(separator: ", ")
            keyed.append((label.isEmpty ? "all" : label, value, run))
            if !seeds.contains(value) { seeds.append(value) }
        }
        var arms: [String] = []
        for entry in keyed where !arms.contains(entry.arm) { arms.append(entry.arm) }
        let metricNames = Self.ordered(Set(finished.flatMap { $0.metrics.map(\.name) }))
        let rows = arms.map { arm in
            let mine = keyed.filter { $0.arm == arm }.sorted { $0.seed < $1.seed }
            var metrics: [String: MeanStd] = [:]
            for metric in metricNames {
                let samples = mine.compactMap { entry in entry.run.metrics.first { $0.name == metric }?.value }
                if !samples.isEmpty { metrics[metric] = MeanStd(samples) }
            }
            return Comparison.Row(
                name: arm, metrics: metrics, seconds: mine.map(\.run.seconds), runs: [], seeds: mine.map(\.seed))
        }
        return Comparison(rows: rows, metricNames: metricNames, seeds: seeds.sorted(), interruption: nil)
    }

    /// The paper's metrics first, in their usual order, then the rest by name.
    static func ordered(_ names: Set<String>) -> [String] {
        let usual = ["r2", "rse", "mse", "mae", "accuracy"]
        return usual.filter(names.contains) + names.subtracting(usual).sorted()
    }

    /// A run from one line, or nil if the line is not a JSON object with `params` and `status`.
    static func run(from line: Substring) -> Run? {
        guard let object = SweepJSON.parse(line), case .object(let params)? = object["params"],
            case .string(let status)? = object["status"]
        else { return nil }
        var error: String?
        if case .string(let message)? = object["error"] { error = message }
        return Run(
            params: params.map { ($0.0, text(of: $0.1)) }, metrics: metrics(of: object["result"]), ok: status == "ok",
            error: error, seconds: number(object["seconds"]) ?? 0)
    }

    /// The numeric fields of a result: a record's numbers, or a lone number as `result`.
    private static func metrics(of result: SweepJSON?) -> [(name: String, value: Double)] {
        if let value = number(result) { return [("result", value)] }
        guard case .object(let fields)? = result else { return [] }
        let numbers = fields.compactMap { field in number(field.1).map { (field.0, $0) } }
        return ordered(Set(numbers.map(\.0))).compactMap { name in numbers.first { $0.0 == name } }
    }

    private static func number(_ value: SweepJSON?) -> Double? {
        guard case .number(let number)? = value else { return nil }
        return number
    }

    /// A parameter value as Spike writes it: strings bare, whole numbers without ".0".
    private static func text(of value: SweepJSON) -> String {
        switch value {
        case .string(let string): return string
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "none"
        case .number(let double):
            return double.rounded() == double && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        case .array(let items): return "[" + items.map(text(of:)).joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.map { "\($0.0): \(text(of: $0.1))" }.joined(separator: ", ") + "}"
        }
    }
}
