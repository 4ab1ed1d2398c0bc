import Foundation
import JupyterWire
import SpikeLang

/// What one run of a script left: its parameters, result, status, time and host — the file
/// `spike run --record PATH` writes, and one line of a sweep's `sweep.jsonl`.
///
/// As JSON (keys sorted; times in ISO 8601, UTC, with milliseconds):
///
///     {"error": null, "finished": "2026-12-03T16:20:01.250Z", "host": "node7", "id": "pe-cpg_seed-3-…",
///      "notes": [], "params": {"pe": "cpg", "seed": 3}, "result": {"r2": 0.61}, "seconds": 1.25,
///      "started": "2026-12-03T16:20:00.000Z", "status": "ok"}
///
/// `id` is set by the sweep that ran it (absent for a lone `spike run`); `error` is the
/// failure's message when `status` is `error`; `notes` say which numbers were written as `null`.
public struct RunRecord: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        case ok, error
    }

    public var id: String?
    /// The parameters as a JSON object, name → value.
    public var params: JSONValue
    public var result: JSONValue
    public var notes: [String]
    public var status: Status
    public var error: String?
    /// Wall time from the start of the script (or the process) to its end.
    public var seconds: Double
    public var host: String
    public var started: Date
    public var finished: Date

    public init(
        id: String? = nil, params: JSONValue, result: JSONValue = .null, notes: [String] = [], status: Status,
        error: String? = nil, host: String, started: Date, finished: Date
    ) {
        self.id = id
        self.params = params
        self.result = result
        self.notes = notes
        self.status = status
        self.error = error
        self.seconds = finished.timeIntervalSince(started)
        self.host = host
        self.started = started
        self.finished = finished
    }

    /// The record of a script run with `parameters` that ended with `result` (nil: no value)
    /// or failed with the message `failure`.
    public init(
        parameters: [ScriptParameter], result: PlainValue?, failure: String?, host: String, started: Date, finished: Date
    ) {
        let encoded = result?.json() ?? (.null, [])
        self.init(
            params: Self.params(parameters), result: failure == nil ? encoded.json : .null,
            notes: failure == nil ? encoded.notes : [], status: failure == nil ? .ok : .error, error: failure,
            host: host, started: started, finished: finished)
    }

    /// The record of a sweep's run that ended without writing one (it crashed or was killed):
    /// an error saying how it ended, with the last lines of its log.
    public init(run: SweepRun, ending: String, logTail: [String], host: String, started: Date, finished: Date) {
        let tail = logTail.isEmpty ? "" : "; its log ends with:\n" + logTail.joined(separator: "\n")
        self.init(
            id: run.id, params: Self.params(run.parameters), status: .error,
            error: "the run ended without a record (\(ending))" + tail, host: host, started: started, finished: finished)
    }

    /// The parameters as the JSON object of a record.
    public static func params(_ parameters: [ScriptParameter]) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for parameter in parameters { members[parameter.name] = parameter.value.json(path: parameter.name).json }
        return .object(members)
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public var json: JSONValue {
        [
            "id": id.map(JSONValue.string) ?? .null, "params": params, "result": result,
            "notes": .array(notes.map(JSONValue.string)), "status": .string(status.rawValue),
            "error": error.map(JSONValue.string) ?? .null, "seconds": .double(seconds), "host": .string(host),
            "started": .string(started.formatted(Self.timeFormat)), "finished": .string(finished.formatted(Self.timeFormat))
        ]
    }

    /// The record a JSON object holds; nil when a required member is missing or malformed
    /// (`id`, `result`, `notes` and `error` are optional).
    public init?(json: JSONValue) {
        guard let params = json["params"], params.objectValue != nil,
            let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:)),
            let seconds = json["seconds"]?.doubleValue, let host = json["host"]?.stringValue,
            let started = json["started"]?.stringValue.flatMap({ try? Self.timeFormat.parse($0) }),
            let finished = json["finished"]?.stringValue.flatMap({ try? Self.timeFormat.parse($0) })
        else { return nil }
        self.id = json["id"]?.stringValue
        self.params = params
        self.result = json["result"] ?? .null
        self.notes = json["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.status = status
        self.error = json["error"]?.stringValue
        self.seconds = seconds
        self.host = host
        self.started = started
        self.finished = finished
    }

    /// This machine's host name (`gethostname`), or "localhost" if it has none.
    public static var localHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
