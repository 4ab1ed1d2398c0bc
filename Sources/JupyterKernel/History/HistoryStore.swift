import JupyterWire

/// The inputs (and text outputs) of this kernel process, answering `history_request`, in
/// bounded memory.
///
/// One session per process, numbered ``session``; lines are execution counts. Only executions
/// with `store_history` (and not `silent`) are recorded.
///
/// Bounds (``Limits``): each input and output text keeps at most `textBytes` bytes of UTF-8 —
/// a longer text keeps its beginning (cut at a character boundary) and a note saying how long
/// it was; when the entries hold more than `totalBytes` bytes of text or number more than
/// `entries`, the oldest are dropped first. Queries answer from what is kept: a dropped line
/// is simply absent from a `range`, `tail` counts kept entries. With ``Limits/standard`` a
/// 100 MB cell costs 256 KiB, and history never holds more than about 16 MiB of text.
public struct HistoryStore {
    /// How much the store keeps.
    struct Limits: Equatable {
        /// Bytes of UTF-8 kept per input or output text.
        var textBytes: Int
        /// Bytes of text kept over all entries.
        var totalBytes: Int
        /// Entries kept.
        var entries: Int

        /// 256 KiB per text, 16 MiB in all, 10 000 entries.
        static let standard = Limits(textBytes: 256 << 10, totalBytes: 16 << 20, entries: 10_000)
    }

    /// The number of this process's session (requests may also say 0 for "current").
    let session: Int
    let limits: Limits
    private(set) var entries = [HistoryEntry]()
    /// Bytes of text in ``entries`` (inputs and outputs, UTF-8).
    private(set) var textBytes = 0

    init(session: Int = 1, limits: Limits = .standard) {
        self.session = session
        self.limits = limits
    }

    /// Keeps one execution, shortened to the limits; drops the oldest entries past them.
    mutating func record(line: Int, input: String, output: String?) {
        let entry = HistoryEntry(
            session: session, line: line, input: Self.shortened(input, to: limits.textBytes),
            output: output.map { Self.shortened($0, to: limits.textBytes) })
        entries.append(entry)
        textBytes += Self.size(of: entry)
        var dropped = 0
        while dropped < entries.count - 1
            && (textBytes > limits.totalBytes || entries.count - dropped > limits.entries)
        {
            textBytes -= Self.size(of: entries[dropped])
            dropped += 1
        }
        entries.removeFirst(dropped)
    }

    /// `text` itself when it has at most `limit` bytes of UTF-8; else its longest prefix of at
    /// most `limit` bytes ending on a character boundary, plus a note (a new string: the long
    /// one is not kept alive). Cost: O(limit).
    public static func shortened(_ text: String, to limit: Int) -> String {
        let bytes = text.utf8.count
        guard bytes > limit else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: limit)
        while end.samePosition(in: text) == nil { end = text.utf8.index(before: end) }
        return String(text[..<end]) + "\n… [history kept the first \(limit) of \(bytes) bytes]"
    }

    private static func size(of entry: HistoryEntry) -> Int {
        entry.input.utf8.count + (entry.output?.utf8.count ?? 0)
    }

    /// The entries `access` asks for, oldest first.
    ///
    /// - `tail(n)`: the last `n`.
    /// - `range(session, start, stop)`: lines `start..<stop` (to the end when `stop` is nil) of
    ///   the current session (0 or ``session``); other sessions are not kept, so they are empty.
    /// - `search(pattern, n, unique)`: inputs matching the glob; with `unique`, each distinct
    ///   input once (its latest line); then the last `n` when given.
    func query(_ access: HistoryRequest.Access) -> [HistoryEntry] {
        switch access {
        case .tail(let count):
            return Array(entries.suffix(max(count, 0)))
        case .range(let requested, let start, let stop):
            guard requested == 0 || requested == session else { return [] }
            return entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case .search(let pattern, let count, let unique):
            let glob = GlobPattern(pattern)
            var found = entries.filter { glob.matches($0.input) }
            if unique {
                var seen = Set<String>()
                found = found.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let count { found = Array(found.suffix(max(count, 0))) }
            return found
        }
    }
}
