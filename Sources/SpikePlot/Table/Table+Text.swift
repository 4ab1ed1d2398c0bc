extension Table {
    /// The table as aligned plain text: a header, a rule of dashes, one line per row, columns
    /// two spaces apart, each aligned by its type; best values marked `*` with a footnote.
    ///
    ///     model  r2             mse
    ///     -----  -------------  -------
    ///     cpg    0.912 ± 0.013  0.0871*
    public func text() -> String {
        guard !columns.isEmpty else { return title.isEmpty ? "(empty table)" : singleLine(title) + "\n(empty table)" }
        let winners = bestValues
        let alignments = columns.indices.map(alignment(ofColumn:))
        let marked = Set(winners.keys)
        var grid: [[String]] = shownRows.map { row in
            row.enumerated().map { column, cell in
                let text = singleLine(cell.formatted(digits: significantDigits))
                guard marked.contains(column) else { return text }
                return text + (isBest(cell, column: column, winners: winners) ? "*" : " ")
            }
        }
        let header = columns.map(singleLine)
        grid.insert(header, at: 0)
        let widths = columns.indices.map { column in grid.map { TextMetrics.columns($0[column]) }.max() ?? 0 }
        var lines: [String] = []
        if !title.isEmpty { lines.append(singleLine(title)) }
        for (index, row) in grid.enumerated() {
            let cells = row.enumerated().map { column, text in
                pad(text, to: widths[column], alignment: index == 0 && alignments[column] == .right ? .right : alignments[column])
            }
            lines.append(trailingTrimmed(cells.joined(separator: "  ")))
            if index == 0 {
                lines.append(widths.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  "))
            }
        }
        if rows.isEmpty { lines.append("(no rows)") }
        if let more = moreRowsLine { lines.append(more) }
        if !marked.isEmpty { lines.append("* best in column") }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let gap = max(0, width - TextMetrics.columns(text))
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: gap - before)
        }
    }

    private func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    private func trailingTrimmed(_ text: String) -> String {
        var out = Substring(text)
        while out.last == " " { out = out.dropLast() }
        return String(out)
    }
}
