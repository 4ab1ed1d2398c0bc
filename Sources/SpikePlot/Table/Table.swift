/// A table of typed cells, shown as HTML (text/html) and as aligned plain text (text/plain).
///
///     var table = Table(columns: ["model", "r2", "mse"], rows: [
///         [.text("cpg"), .meanStd(mean: 0.912, std: 0.013), .number(0.0871)],
///         [.text("none"), .meanStd(mean: 0.887, std: 0.021), .number(0.1043)],
///     ], title: "Forecasting, 3 seeds")
///     table.best = [1: .highest, 2: .lowest]
///     table.html()   // numbers right-aligned, best value per column in bold
///     table.text()   // the same, aligned in monospace
///
/// Numbers print to `significantDigits` significant digits (never float noise); mean ± std
/// prints the std to two significant digits and the mean to the same decimal place. Rows past
/// `maxRows` are replaced by a "… N more rows" line. Rows shorter than the header are padded
/// with empty cells; extra cells are dropped.
public struct Table: Sendable {
    /// One cell; its kind decides its alignment (numbers right, booleans centred, text left).
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        case meanStd(mean: Double, std: Double)
        /// An estimate with its interval, written "0.812 [0.790, 0.834]" (just the value when
        /// an end is not finite).
        case estimate(Double, low: Double, high: Double)
        case empty
    }

    /// Which value of a column is the best one to highlight.
    public enum Best: Sendable, Equatable {
        case highest
        case lowest
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// A caption above the table; empty for none.
    public var title: String
    /// Columns (by index) whose best value is highlighted.
    public var best: [Int: Best] = [:]
    public var significantDigits = 4
    /// Rows shown before the rest is summarised as "… N more rows".
    public var maxRows = 50
    /// Rows its maker left out of `rows` because they would never be shown (a table of 10⁷
    /// rows keeps the first `maxRows`); counted in the "… N more rows" line.
    public var omittedRows = 0

    public init(columns: [String], rows: [[Cell]], title: String = "") {
        self.columns = columns
        self.rows = rows
        self.title = title
    }

    /// The rows as shown: each padded or cut to the column count, at most `maxRows` of them.
    var shownRows: [[Cell]] {
        rows.prefix(max(0, maxRows)).map { row in
            Array(row.prefix(columns.count)) + Array(repeating: .empty, count: max(0, columns.count - row.count))
        }
    }

    /// How many rows the "… N more rows" line stands for.
    var hiddenRowCount: Int {
        max(0, rows.count - max(0, maxRows)) + max(0, omittedRows)
    }

    /// The "… N more rows" line, or nil when every row is shown.
    var moreRowsLine: String? {
        let hidden = hiddenRowCount
        guard hidden > 0 else { return nil }
        return "… \(hidden) more row" + (hidden == 1 ? "" : "s")
    }
}

extension Table: CustomStringConvertible {
    /// The aligned plain-text rendering (same as `text()`).
    public var description: String {
        text()
    }
}
