import Foundation

/// A `%` line at the top of a cell (docs/language.md §5).
enum Magic: Equatable {
    /// Report the cell's wall time on stdout after running the rest.
    case time
    /// Show a table of the session's bindings.
    case who
    /// Forget every binding and restore the default settings.
    case reset
    /// Seed every random source.
    case seed(UInt64)
    /// Record how many threads the engine may use.
    case threads(Int)
    /// Open the pager on a library name's help text.
    case help(String)

    static let names = ["time", "who", "reset", "seed", "threads", "help"]
}

/// A cell split into its leading magic lines and the Spike code after them.
///
/// Magic lines are blanked (not removed) in `code`, so line numbers in later diagnostics
/// still match what the user sees. `%time` may also carry code on its own line
/// (`%time simulate(lif())`, as in IPython): that code stays, at its own columns, and
/// ends the magic lines.
struct MagicSplit {
    var magics: [Magic] = []
    var code: String
    var diagnostics: [Diagnostic] = []

    init(_ source: String) {
        if MagicSplit.hasNoMagics(source) {
            code = source
            return
        }
        var lines = SourceLines.of(source)
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("%") else { break }
            let column = line.unicodeScalars.count - line.drop(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count + 1
            let range = SourceRange(line: index + 1, column: column, length: trimmed.unicodeScalars.count)
            if let inline = MagicSplit.timedCode(in: line) {
                magics.append(.time)
                lines[index] = inline
                break
            }
            do {
                magics.append(try MagicSplit.parse(trimmed, at: range))
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {}
            lines[index] = ""
        }
        code = lines.joined(separator: "\n")
    }

    /// True when `source` certainly has no magic lines and no carriage returns, so `code` is
    /// `source` itself: its first character past ASCII white space is ASCII and not `%`.
    /// (Cells that start otherwise take the line-by-line path.)
    private static func hasNoMagics(_ source: String) -> Bool {
        var first: UInt8?
        for byte in source.utf8 {
            if byte == UInt8(ascii: "\r") { return false }
            if first == nil, byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\n"),
                byte != 0x0B, byte != 0x0C
            {
                first = byte
            }
        }
        guard let first else { return false }
        return first < 0x80 && first != UInt8(ascii: "%")
    }

    /// For `%time CODE`, the line with everything before CODE replaced by spaces; else nil.
    private static func timedCode(in line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard let percent = scalars.firstIndex(of: "%") else { return nil }
        let word = Array("time".unicodeScalars)
        let end = percent + 1 + word.count
        guard end < scalars.count, Array(scalars[(percent + 1)..<end]) == word, scalars[end] == " " || scalars[end] == "\t",
            scalars[end...].contains(where: { $0 != " " && $0 != "\t" })
        else { return nil }
        return String(repeating: " ", count: end) + String(String.UnicodeScalarView(scalars[end...]))
    }

    private static func parse(_ line: String, at range: SourceRange) throws -> Magic {
        let words = line.dropFirst().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let name = words.first ?? ""
        let argument = words.dropFirst().joined(separator: " ")
        func integer(_ expected: String) throws -> Int {
            guard words.count == 2, let value = Int(argument.filter { $0 != "_" }), value >= 0 else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: expected), at: range)
            }
            return value
        }
        func none() throws {
            guard words.count == 1 else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: "no argument"), at: range)
            }
        }
        switch name {
        case "time":
            try none()
            return .time
        case "who":
            try none()
            return .who
        case "reset":
            try none()
            return .reset
        case "seed": return .seed(UInt64(try integer("a non-negative integer, e.g. %seed 0")))
        case "threads":
            let count = try integer("a positive integer, e.g. %threads 2")
            guard count > 0 else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: "a positive integer, e.g. %threads 2"), at: range)
            }
            return .threads(count)
        case "help":
            guard words.count == 2 else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: "one name, e.g. %help lif"), at: range)
            }
            return .help(argument)
        default:
            throw Diagnostic(.unknownMagic(name, suggestion: Suggestion.closest(to: name, among: Magic.names)), at: range)
        }
    }
}
