import JupyterWire

/// The inputs (and text outputs) of this kernel process, answering `history_request`.
///
/// One session per process, numbered ``session``; lines are execution counts. Only executions
/// with `store_history` (and not `silent`) are recorded.
struct HistoryStore {
    /// The number of this process's session (requests may also say 0 for "current").
    let session: Int
    private(set) var entries = [HistoryEntry]()

    init(session: Int = 1) {
        self.session = session
    }

    mutating func record(line: Int, input: String, output: String?) {
        entries.append(HistoryEntry(session: session, line: line, input: input, output: output))
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
