import Foundation
import JupyterWire

/// A sweep's `sweep.jsonl` read back: the records of its whole lines, and where a torn last
/// line (a crash in the middle of a write) begins.
///
/// Each line is one `RunRecord` as compact JSON followed by `\n`. A run counts as finished
/// when some line with its id says `ok`; a run whose lines all say `error` runs again on
/// resume, and a later line for the same id supersedes an earlier one.
///
///     let journal = SweepJournal(contents: Data("{…ok…}\n{…error…}\n{\"id\": \"x\", \"par".utf8))
///     journal.records.count   // 2
///     journal.wholeLength     // bytes up to the last "\n": the rest is cut before appending
public struct SweepJournal: Equatable, Sendable {
    /// The records of the whole lines, in file order.
    public var records: [RunRecord]
    /// The number of bytes that form whole lines; anything after it is a torn line.
    public var wholeLength: Int
    /// 1-based numbers of whole lines that are not records (left in place, ignored).
    public var unreadableLines: [Int]

    /// Reads a journal's bytes. Cost: O(size of the file).
    public init(contents: Data) {
        let bytes = [UInt8](contents)
        let end = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        var records: [RunRecord] = []
        var unreadable: [Int] = []
        for (index, line) in bytes[..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().enumerated() {
            if let json = JSONValue(jsonBytes: Data(line)), let record = RunRecord(json: json), record.id != nil {
                records.append(record)
            } else {
                unreadable.append(index + 1)
            }
        }
        self.records = records
        self.wholeLength = end
        self.unreadableLines = unreadable
    }

    /// The ids of the runs that finished `ok`.
    public var finishedIDs: Set<String> {
        Set(records.lazy.filter { $0.status == .ok }.compactMap(\.id))
    }

    /// One line of the journal: the record as compact JSON and a newline.
    public static func line(for record: RunRecord) -> Data {
        record.json.jsonBytes() + Data("\n".utf8)
    }
}
