/// A cell's lines as the lexer counts them: split at each U+000A, with a `\r` before it
/// dropped. (Swift's `String.split(separator: "\n")` would not split `\r\n`, which is one
/// Character.)
enum SourceLines {
    static func of(_ source: String) -> [String] {
        source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(String.UnicodeScalarView(line))
            if text.unicodeScalars.last == "\r" { text.unicodeScalars.removeLast() }
            return text
        }
    }
}
