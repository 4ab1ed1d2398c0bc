import Foundation

/// Reading a series from CSV text or a CSV file.
extension Series {
    /// The series in the CSV file at `path`: a header line naming the columns, then one row per
    /// time step. Cost: O(file size).
    ///
    /// - `columns`: the variates to keep (`.all` numeric columns by default).
    /// - `timeColumn`: a column whose text labels the time steps (it is never a variate).
    /// - `missing`: what to do with empty, `NA`, `NaN` or `null` fields; `report` in the
    ///   result counts them per column.
    ///
    /// Errors (`DataError`): `.fileNotFound`, `.unreadableFile`, `.emptyFile`, `.noRows`,
    /// `.malformedRow` with the line (1-based, header = 1) and column (1-based) of a
    /// non-number or a row with the wrong number of fields, `.unknownColumn` listing the
    /// valid names, `.noNumericColumns`, `.missingValue` (policy `.error`), `.allMissing`;
    /// `EngineError.resource` for a file too large for `budget` (parsing needs up to about
    /// 16 bytes of memory per byte of file, which is what is checked).
    public static func loadCSV(
        path: String, columns: ColumnSelection = .all, timeColumn: String? = nil,
        missing: MissingPolicy = .interpolate, budget: MemoryBudget = .standard
    ) throws -> Series {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DataError.fileNotFound(path: path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let (scalars, overflow) = size.multipliedReportingOverflow(by: 4)
        try budget.check(scalars: overflow ? Int.max : scalars)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError.unreadableFile(path: path, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError.unreadableFile(path: path, reason: "the file is not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try Series(
            csv: text, name: name, path: path, columns: columns, timeColumn: timeColumn, missing: missing)
    }

    /// The series in CSV `text` (see `loadCSV`); `path` only names the source in errors.
    public init(
        csv text: String, name: String, path: String = "<text>", columns: ColumnSelection = .all,
        timeColumn: String? = nil, missing: MissingPolicy = .interpolate
    ) throws {
        let table = try CSVTable(text: text, path: path)
        guard !table.records.isEmpty else { throw DataError.noRows(path: path) }
        for record in table.records where record.fields.count != table.header.count {
            let found = record.fields.count
            throw DataError.malformedRow(
                line: record.line, column: min(found, table.header.count) + 1,
                problem: .fieldCount(expected: table.header.count, found: found))
        }
        let timeIndex = try timeColumn.map { try Self.index(of: $0, in: table.header) }
        let selected = try Self.selectColumns(columns, of: table, excluding: timeIndex, path: path)
        var cells = try Self.parse(table, columns: selected)
        var labels = timeIndex.map { index in table.records.map { $0.fields[index].trimmingSpaces() } }
        let names = selected.map { table.header[$0] }
        let counts = cells.map { column in column.lazy.filter { $0 == nil }.count }
        var dropped = 0

        switch missing {
        case .error:
            if let (row, column) = Self.firstMissing(in: cells) {
                throw DataError.missingValue(line: table.records[row].line, column: names[column])
            }
        case .drop:
            let keep = (0..<table.records.count).filter { row in cells.allSatisfy { $0[row] != nil } }
            guard !keep.isEmpty else { throw DataError.noRows(path: path) }
            dropped = table.records.count - keep.count
            cells = cells.map { column in keep.map { column[$0] } }
            labels = labels.map { all in keep.map { all[$0] } }
        case .zero, .interpolate:
            break
        }
        var filled: [[Float]] = []
        for (column, values) in cells.enumerated() {
            filled.append(try MissingFill.fill(values, policy: missing, column: names[column]))
        }
        let length = filled.first?.count ?? 0
        var rowMajor = [Float]()
        rowMajor.reserveCapacity(length * filled.count)
        for row in 0..<length {
            for column in filled { rowMajor.append(column[row]) }
        }
        try self.init(
            name: name, columns: names, values: rowMajor, timeLabels: labels,
            missing: MissingReport(perColumn: counts, policy: missing, droppedRows: dropped))
    }

    private static func index(of name: String, in header: [String]) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw DataError.unknownColumn(name: name, valid: header)
        }
        return index
    }

    /// The header indices of the variates.
    private static func selectColumns(
        _ selection: ColumnSelection, of table: CSVTable, excluding timeIndex: Int?, path: String
    ) throws -> [Int] {
        switch selection {
        case .named(let names):
            guard !names.isEmpty else {
                throw EngineError.value(argument: .columns, message: "choose at least one column")
            }
            return try names.map { try index(of: $0, in: table.header) }
        case .all:
            let numeric = table.header.indices.filter { column in
                guard column != timeIndex else { return false }
                let present = table.records.lazy.map { $0.fields[column].trimmingSpaces() }.first { !isMissing($0) }
                return present.flatMap(number) != nil
            }
            guard !numeric.isEmpty else { throw DataError.noNumericColumns(path: path) }
            return numeric
        }
    }

    /// The cells of each selected column (column-major), `nil` where missing.
    private static func parse(_ table: CSVTable, columns: [Int]) throws -> [[Float?]] {
        var cells = [[Float?]](repeating: [], count: columns.count)
        for (position, column) in columns.enumerated() {
            cells[position].reserveCapacity(table.records.count)
            for record in table.records {
                let text = record.fields[column].trimmingSpaces()
                if isMissing(text) {
                    cells[position].append(nil)
                } else if let value = number(text) {
                    cells[position].append(value)
                } else {
                    throw DataError.malformedRow(line: record.line, column: column + 1, problem: .notANumber(text))
                }
            }
        }
        return cells
    }

    /// The (row, column) of the first missing cell in row order, if any.
    private static func firstMissing(in cells: [[Float?]]) -> (Int, Int)? {
        let rows = cells.first?.count ?? 0
        for row in 0..<rows {
            if let column = cells.firstIndex(where: { $0[row] == nil }) { return (row, column) }
        }
        return nil
    }

    /// Whether a trimmed field stands for a missing value: empty, `NA`, `N/A`, `NaN`, `null`.
    static func isMissing(_ text: String) -> Bool {
        switch text.lowercased() {
        case "", "na", "n/a", "nan", "null": return true
        default: return false
        }
    }

    /// The finite number a trimmed field holds, rounded to Float32, else `nil`.
    static func number(_ text: String) -> Float? {
        guard let value = Double(text), value.isFinite else { return nil }
        let rounded = Float(value)
        return rounded.isFinite ? rounded : nil
    }
}
