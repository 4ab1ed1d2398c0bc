/// The text of a CSV file split into a header and records of fields (RFC 4180 quoting).
///
/// Fields are separated by commas; a field may be wrapped in double quotes, inside which
/// commas and newlines are literal and `""` is one quote. Lines may end in `\n` or `\r\n`.
/// Blank lines are skipped. Each record keeps the 1-based line it starts on (the header is
/// line 1 when the file starts with it), so errors can name it. Cost: O(characters).
struct CSVTable {
    /// One data row and the line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The header's fields, unquoted and trimmed of surrounding spaces.
    var header: [String]
    /// The data rows, in file order.
    var records: [Record]

    /// Splits `text`; `path` only names the file in errors.
    ///
    /// Throws `.emptyFile` without a header, `.malformedRow(..., .unterminatedQuote)` for a
    /// quote left open, and `.duplicateColumn` for a repeated header name.
    init(text: String, path: String) throws {
        var rows = try Self.split(text)
        guard !rows.isEmpty else { throw DataError.emptyFile(path: path) }
        let headerRow = rows.removeFirst()
        header = headerRow.fields.map { $0.trimmingSpaces() }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw DataError.duplicateColumn(name: name)
        }
        records = rows
    }

    /// The records of `text`, blank lines left out.
    private static func split(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && !fieldWasQuoted && fields[0].trimmingSpaces().isEmpty
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmingSpaces().isEmpty:
                field = ""
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw DataError.malformedRow(line: recordLine, column: fields.count + 1, problem: .unterminatedQuote)
        }
        if !fields.isEmpty || !field.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
