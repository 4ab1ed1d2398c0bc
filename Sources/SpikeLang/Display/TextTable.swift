import Foundation

/// A small table of text cells shown as aligned plain text (columns padded to their widest
/// cell, measured in characters).
struct TextTable {
    var header: [String]
    var rows: [[String]]

    var plain: String {
        let columns = header.count
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.prefix(columns).enumerated() {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            (0..<columns).map { column in
                let cell = column < cells.count ? cells[column] : ""
                return cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    var rendering: Rendering { Rendering(plain: plain) }
}

enum Preview {
    /// `text` cut to at most `limit` characters, with an ellipsis when cut.
    static func short(_ text: String, limit: Int = 60) -> String {
        let singleLine = text.replacingOccurrences(of: "\n", with: " ")
        return singleLine.count <= limit ? singleLine : String(singleLine.prefix(limit - 1)) + "…"
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
