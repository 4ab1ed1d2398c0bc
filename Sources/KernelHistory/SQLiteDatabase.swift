import CSQLite
import Foundation

/// One SQLite connection: statements with bound parameters, rows read by column. Used by one
/// thread at a time (the kernel's shell thread).
final class SQLiteDatabase {
    /// What SQLite reported: the step and its message.
    struct Failure: Error, CustomStringConvertible {
        let step: String
        let message: String
        var description: String { "\(step): \(message)" }
    }

    /// A value bound to a `?` parameter or read from a column.
    enum Value: Equatable {
        case integer(Int)
        case text(String)
        case null
    }

    private var handle: OpaquePointer?

    /// Opens (creating it if needed) the database file at `path`; waits up to `busyTimeout`
    /// milliseconds for another connection's lock.
    init(path: String, busyTimeout: Int32 = 5000) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw Failure(step: "open \(path)", message: message)
        }
        sqlite3_busy_timeout(handle, busyTimeout)
    }

    deinit {
        sqlite3_close(handle)
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(step: sql.prefix(60).description, message: message)
        }
    }

    /// Runs one statement with `parameters` bound in order; returns its rows.
    @discardableResult
    func rows(_ sql: String, _ parameters: [Value] = []) throws -> [[Value]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(step: "prepare", message: errorMessage)
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, parameter) in parameters.enumerated() {
            let index = Int32(offset + 1)
            switch parameter {
            case .integer(let number): sqlite3_bind_int64(statement, index, Int64(number))
            case .text(let text):
                // By byte count (SQLITE_TRANSIENT copies), so a text holding NUL is kept whole.
                let utf8 = Array(text.utf8)
                if utf8.isEmpty {
                    sqlite3_bind_text(statement, index, "", 0, transient)
                } else {
                    utf8.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { chars in
                            _ = sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), transient)
                        }
                    }
                }
            case .null: sqlite3_bind_null(statement, index)
            }
        }
        var found: [[Value]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return found }
            guard status == SQLITE_ROW else { throw Failure(step: "step", message: errorMessage) }
            found.append(
                (0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, column)))
                    case SQLITE_NULL: return .null
                    default:
                        // By byte count, so a text holding NUL comes back whole.
                        guard let bytes = sqlite3_column_text(statement, column) else { return .text("") }
                        let count = Int(sqlite3_column_bytes(statement, column))
                        return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
                    }
                })
        }
    }

    /// The row id of the last row inserted through this connection.
    var lastInsertedRow: Int { Int(sqlite3_last_insert_rowid(handle)) }

    private var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
