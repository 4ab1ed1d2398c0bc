import Foundation
import JupyterKernel
import JupyterWire

/// Execution history in a SQLite file that survives restarts and is shared by the user's
/// kernels, answering `history_request` as ipykernel's does (IPython's schema: a `sessions`
/// table, a `history` table of (session, line, source, output)).
///
/// Opening starts a new session (its number is the row id); each recorded execution is one
/// row. Several kernels may write at once: the file is in WAL mode and a writer waits up to
/// 5 s for another's lock; a write that still fails is logged and skipped (the kernel goes on).
///
/// Bounds (``Limits``): each text is cut as ``HistoryStore`` cuts it; once the table holds
/// more than `entries` rows or `totalBytes` bytes of text, the oldest rows go first (checked
/// at opening and every 64 records).
public final class SQLiteHistory: HistoryBackend {
    /// How much the file keeps.
    public struct Limits: Equatable, Sendable {
        public var textBytes: Int
        public var totalBytes: Int
        public var entries: Int

        public init(textBytes: Int, totalBytes: Int, entries: Int) {
            self.textBytes = textBytes
            self.totalBytes = totalBytes
            self.entries = entries
        }

        /// 256 KiB per text, 64 MiB in all, 100,000 rows.
        public static let standard = Limits(textBytes: 256 << 10, totalBytes: 64 << 20, entries: 100_000)
    }

    public let session: Int
    public let path: String
    private let database: SQLiteDatabase
    private let limits: Limits
    private let log: (String) -> Void
    private var recordsSincePruning = 0

    /// Opens (or creates, with its folder) the history file at `path` and starts a session.
    public init(path: String, limits: Limits = .standard, log: @escaping (String) -> Void) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.path = path
        self.limits = limits
        self.log = log
        database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TEXT, end TEXT, kernel TEXT);
            CREATE TABLE IF NOT EXISTS history (session INTEGER, line INTEGER, source TEXT, output TEXT,
                PRIMARY KEY (session, line));
            """)
        try database.rows(
            "INSERT INTO sessions (start, kernel) VALUES (?, ?)",
            [.text(ISO8601DateFormatter().string(from: Date())), .text("spike")])
        session = database.lastInsertedRow
        prune()
    }

    public func record(line: Int, input: String, output: String?) {
        do {
            try database.rows(
                "INSERT OR REPLACE INTO history (session, line, source, output) VALUES (?, ?, ?, ?)",
                [
                    .integer(session), .integer(line), .text(HistoryStore.shortened(input, to: limits.textBytes)),
                    output.map { .text(HistoryStore.shortened($0, to: limits.textBytes)) } ?? .null
                ])
        } catch {
            log("history: line \(line) not saved to \(path): \(error)")
        }
        recordsSincePruning += 1
        if recordsSincePruning >= 64 { prune() }
    }

    public func query(_ access: HistoryRequest.Access) -> [HistoryEntry] {
        let columns = "SELECT session, line, source, output FROM history"
        do {
            switch access {
            case .tail(let count):
                let newest = try database.rows(
                    "\(columns) ORDER BY session DESC, line DESC LIMIT ?", [.integer(max(count, 0))])
                return newest.reversed().compactMap(Self.entry)
            case .range(let requested, let start, let stop):
                // As IPython: 0 is this session, -1 the one before, and so on.
                let number = requested <= 0 ? session + requested : requested
                return try database.rows(
                    "\(columns) WHERE session = ? AND line >= ? AND line < ? ORDER BY line",
                    [.integer(number), .integer(start), .integer(stop ?? Int.max)]
                ).compactMap(Self.entry)
            case .search(let pattern, let count, let unique):
                let distinct =
                    unique ? " AND rowid IN (SELECT max(rowid) FROM history WHERE source GLOB ?1 GROUP BY source)" : ""
                let newest = try database.rows(
                    "\(columns) WHERE source GLOB ?1\(distinct) ORDER BY session DESC, line DESC LIMIT ?2",
                    [.text(pattern), .integer(count.map { max($0, 0) } ?? -1)])
                return newest.reversed().compactMap(Self.entry)
            }
        } catch {
            log("history: cannot read \(path): \(error)")
            return []
        }
    }

    /// Drops the oldest rows past the limits.
    private func prune() {
        recordsSincePruning = 0
        do {
            try database.rows(
                """
                DELETE FROM history WHERE rowid IN (SELECT rowid FROM history ORDER BY session, line
                    LIMIT max(0, (SELECT count(*) FROM history) - ?))
                """, [.integer(limits.entries)])
            let rows = try database.rows(
                "SELECT session, line, length(CAST(source AS BLOB)) + ifnull(length(CAST(output AS BLOB)), 0) FROM history ORDER BY session DESC, line DESC"
            )
            var kept = 0
            for row in rows {
                guard case .integer(let size) = row[2] else { continue }
                kept += size
                if kept > limits.totalBytes, case .integer(let oldSession) = row[0], case .integer(let oldLine) = row[1] {
                    try database.rows(
                        "DELETE FROM history WHERE session < ?1 OR (session = ?1 AND line <= ?2)",
                        [.integer(oldSession), .integer(oldLine)])
                    break
                }
            }
        } catch {
            log("history: cannot trim \(path): \(error)")
        }
    }

    private static func entry(_ row: [SQLiteDatabase.Value]) -> HistoryEntry? {
        guard row.count == 4, case .integer(let session) = row[0], case .integer(let line) = row[1],
            case .text(let source) = row[2]
        else { return nil }
        let output: String? = if case .text(let text) = row[3] { text } else { nil }
        return HistoryEntry(session: session, line: line, input: source, output: output)
    }
}
