import SpikeLang

/// One open document: its text and version, with conversions between LSP positions and the
/// code-point offsets and `SourceLocation`s Spike uses.
///
/// Lines end at U+000A (a `\r` before it stays part of the line, as the lexer drops it).
/// A position past the end of its line means the end of that line, and a line past the
/// last means the end of the document (LSP 3.17, `Position`).
struct TextDocument: Equatable {
    var version: Int
    private(set) var text: String
    /// The code points of each line, without its newline.
    private var lines: [[Unicode.Scalar]]

    init(text: String, version: Int) {
        self.version = version
        self.text = text
        lines = TextDocument.split(text)
    }

    /// The text's code points; completion and inspection take offsets into it.
    var scalars: [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// The code-point offset of `position`. Cost: O(lines before it + its column).
    func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lines.count else { return lines.reduce(0) { $0 + $1.count } + lines.count - 1 }
        let before = lines[..<position.line].reduce(0) { $0 + $1.count + 1 }
        return before + column(of: position, encoding: encoding)
    }

    /// The 0-based code-point column of `position` within its line, clamped to the line.
    private func column(of position: Position, encoding: PositionEncoding) -> Int {
        var units = 0
        for (index, scalar) in lines[position.line].enumerated() {
            units += encoding.width(of: scalar)
            if units > position.character { return index }
        }
        return lines[position.line].count
    }

    /// The LSP position of a Spike location (1-based line and code-point column).
    func position(of location: SourceLocation, encoding: PositionEncoding) -> Position {
        let line = min(max(location.line - 1, 0), max(lines.count - 1, 0))
        let scalars = lines.isEmpty ? [] : lines[line]
        let column = min(max(location.column - 1, 0), scalars.count)
        return Position(line: line, character: scalars[..<column].reduce(0) { $0 + encoding.width(of: $1) })
    }

    /// The LSP position of a code-point offset into the text.
    func position(ofOffset offset: Int, encoding: PositionEncoding) -> Position {
        var remaining = max(offset, 0)
        for (index, line) in lines.enumerated() {
            if remaining <= line.count || index == lines.count - 1 {
                return position(of: SourceLocation(line: index + 1, column: remaining + 1), encoding: encoding)
            }
            remaining -= line.count + 1
        }
        return Position(line: 0, character: 0)
    }

    /// Replaces the text between two positions (an incremental `didChange`), or all of it.
    mutating func replace(from start: Position, to end: Position, with newText: String, encoding: PositionEncoding) {
        var scalars = self.scalars
        let lower = min(offset(of: start, encoding: encoding), scalars.count)
        let upper = min(max(offset(of: end, encoding: encoding), lower), scalars.count)
        scalars.replaceSubrange(lower..<upper, with: Array(newText.unicodeScalars))
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        self = TextDocument(text: text, version: version)
    }

    private static func split(_ text: String) -> [[Unicode.Scalar]] {
        Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }
}
