import SpikePlot

/// `table(rows)`: a list of records (one row each; columns in order of first appearance) or a
/// record of columns (lists or vectors of equal or shorter length) → a SpikePlot table.
enum TableBuilder {
    static func table(from value: Value, title: String, at range: SourceRange) throws -> Table {
        switch value {
        case .list(let rows):
            var columns: [String] = []
            var records: [Record] = []
            for row in rows {
                guard case .record(let record) = row else {
                    throw Diagnostic(.elementType(context: "table(): 'rows'", expected: "records", got: row.typeName), at: range)
                }
                records.append(record)
                for name in record.names where !columns.contains(name) { columns.append(name) }
            }
            let cells = records.map { record in columns.map { cell(record[$0] ?? Value.none) } }
            return Table(columns: columns, rows: cells, title: title)
        case .record(let record):
            let columns = try record.fields.map { field -> [Value] in
                switch field.value {
                case .list(let items): return items.items
                case .tensor(let tensor) where tensor.rank == 1: return tensor.scalars.map { .number(Double($0)) }
                default:
                    throw Diagnostic(.elementType(context: "table(): column '\(field.name)'", expected: "a list", got: field.value.typeName),
                                     at: range)
                }
            }
            let height = columns.map(\.count).max() ?? 0
            let cells = (0..<height).map { row in columns.map { column in cell(row < column.count ? column[row] : .none) } }
            return Table(columns: record.names, rows: cells, title: title)
        default:
            throw Diagnostic(.wrongKind(what: "table(): 'rows'", expected: "a list of records or a record of columns", got: value.typeName),
                             at: range)
        }
    }

    /// One value as a typed cell; `{mean: m, std: s}` shows as m ± s.
    static func cell(_ value: Value) -> Table.Cell {
        switch value {
        case .number(let number): return .number(number)
        case .string(let string): return .text(string)
        case .boolean(let flag): return .bool(flag)
        case .none: return .empty
        case .record(let record):
            if record.fields.count == 2, case .number(let mean)? = record["mean"], case .number(let std)? = record["std"] {
                return .meanStd(mean: mean, std: std)
            }
            return .text(ValueText.text(of: value))
        default: return .text(ValueText.text(of: value))
        }
    }
}
