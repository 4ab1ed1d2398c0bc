import SpikePlot

/// `table(rows)`: a list of records (one row each; columns in order of first appearance) or a
/// record of columns (lists or vectors of equal or shorter length) → a SpikePlot table.
///
/// Only the rows the table shows (`Table.maxRows`) become cells, the rest are counted, and a
/// cell's text stops at `cellTextLimit` bytes: a table of 10⁷ rows, or of cells that hold
/// long lists or strings, costs O(rows shown × columns), not O(size of the data).
enum TableBuilder {
    /// The most bytes of a cell's text (a string, list or record in a cell) before `…`.
    static let cellTextLimit = 200

    static func table(from value: Value, title: String, at range: SourceRange) throws -> Table {
        let shown = Table(columns: [], rows: []).maxRows
        switch value {
        case .list(let rows):
            var columns: [String] = []
            var known: Set<String> = []
            var records: [Record] = []
            for row in rows {
                guard case .record(let record) = row else {
                    throw Diagnostic(.elementType(context: "table(): 'rows'", expected: "records", got: row.typeName), at: range)
                }
                if records.count < shown { records.append(record) }
                for name in record.names where known.insert(name).inserted { columns.append(name) }
            }
            let cells = records.map { record in columns.map { cell(record[$0] ?? Value.none) } }
            var table = Table(columns: columns, rows: cells, title: title)
            table.omittedRows = rows.count - records.count
            return table
        case .record(let record):
            let columns = try record.fields.map { field -> (count: Int, item: (Int) -> Value) in
                switch field.value {
                case .list(let items): return (items.count, { items[$0] })
                case .tensor(let tensor) where tensor.rank == 1: return (tensor.count, { .number(Double(tensor.scalars[$0])) })
                default:
                    throw Diagnostic(
                        .elementType(context: "table(): column '\(field.name)'", expected: "a list", got: field.value.typeName),
                        at: range)
                }
            }
            let height = columns.map(\.count).max() ?? 0
            let cells = (0..<min(height, shown)).map { row in
                columns.map { column in cell(row < column.count ? column.item(row) : .none) }
            }
            var table = Table(columns: record.names, rows: cells, title: title)
            table.omittedRows = height - cells.count
            return table
        default:
            throw Diagnostic(
                .wrongKind(what: "table(): 'rows'", expected: "a list of records or a record of columns", got: value.typeName),
                at: range)
        }
    }

    /// One value as a typed cell; `{mean: m, std: s}` shows as m ± s.
    static func cell(_ value: Value) -> Table.Cell {
        switch value {
        case .number(let number): return .number(number)
        case .string: return .text(ValueText.text(of: value, quotingStrings: false, limit: cellTextLimit))
        case .boolean(let flag): return .bool(flag)
        case .none: return .empty
        case .record(let record):
            if record.fields.count == 2, case .number(let mean)? = record["mean"], case .number(let std)? = record["std"] {
                return .meanStd(mean: mean, std: std)
            }
            return .text(ValueText.text(of: value, limit: cellTextLimit))
        default: return .text(ValueText.text(of: value, limit: cellTextLimit))
        }
    }
}
