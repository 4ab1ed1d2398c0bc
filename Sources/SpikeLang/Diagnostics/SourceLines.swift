/// A cell's lines as the lexer counts them: split at each U+000A, with a `\r` before it
/// dropped. (Swift's `String.split(separator: "\n")` would not split `\r\n`, which is one
/// Character.)
enum SourceLines {
    /// Longest line a traceback shows whole, in code points; a longer one is shown as a window
    /// of this many code points around the culprit (see `excerpt(of:around:)`).
    static let excerptWidth = 160

    /// The lines of `source`. Cost: O(bytes), splitting the UTF-8 at newline bytes (a newline
    /// byte is always the whole code point U+000A), so a 7 MB cell splits in milliseconds.
    static func of(_ source: String) -> [String] {
        var source = source
        return source.withUTF8 { bytes in
            bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
                let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                return String(decoding: text, as: UTF8.self)
            }
        }
    }

    /// The part of `line` a traceback shows for a culprit at `column` (1-based, in code
    /// points): the whole line when it has at most `excerptWidth` code points, else
    /// `excerptWidth` of them starting up to half that before the column. `offset` is how many
    /// code points were cut before it; `cutAfter` says whether any were cut after it.
    /// Cost: O(column + excerptWidth), whatever the line's length.
    static func excerpt(
        of line: String, around column: Int
    ) -> (scalars: Substring.UnicodeScalarView, offset: Int, cutAfter: Bool) {
        let scalars = line.unicodeScalars
        guard let widthEnd = scalars.index(scalars.startIndex, offsetBy: excerptWidth, limitedBy: scalars.endIndex),
            widthEnd != scalars.endIndex
        else {
            return (scalars[...], 0, false)
        }
        let wanted = max(0, column - 1 - excerptWidth / 2)
        let start = scalars.index(scalars.startIndex, offsetBy: wanted, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let offset = scalars.distance(from: scalars.startIndex, to: start)
        let end = scalars.index(start, offsetBy: excerptWidth, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return (scalars[start..<end], offset, end != scalars.endIndex)
    }
}
