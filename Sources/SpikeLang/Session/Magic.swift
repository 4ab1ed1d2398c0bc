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
    /// Open the pager on a library name's help text (also `name?`, `name??`, `?name`).
    case help(String)
    /// Run the rest of the cell `loops` times per repeat, `repeats` times, quietly, and report
    /// the time per loop as mean ± standard deviation over the repeats (IPython's `%timeit`);
    /// nil counts are chosen as IPython does.
    case timeit(loops: Int?, repeats: Int?)
    /// List the magics.
    case lsmagic
    /// Send figures as SVG, PNG or both from now on.
    case figureFormat(FigureFormat)

    static let names = ["time", "timeit", "who", "reset", "seed", "threads", "help", "lsmagic", "figure_format"]

    /// What each magic does, one line each (`%lsmagic`).
    static let summaries: [(name: String, summary: String)] = [
        ("time", "run the cell (or the code after %time on its line) and write its wall time"),
        ("timeit", "run the cell repeatedly and write the time per loop, mean ± std. dev. (-n LOOPS -r REPEATS)"),
        ("who", "after the cell, show a table of the session's bindings"),
        ("reset", "forget every binding and restore the default settings"),
        ("seed", "seed every random source: %seed N"),
        ("threads", "cap the threads the session may use: %threads N"),
        ("help", "open the pager on a name's help: %help NAME (also NAME?, NAME?? and ?NAME)"),
        ("lsmagic", "list the magics"),
        ("figure_format", "send figures as svg, png or both (PNG shows where SVG does not: GitHub, PDF): %figure_format both")
    ]
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
        if let name = MagicSplit.helpQuery(source) {
            magics = [.help(name)]
            code = ""
            return
        }
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
            if let (magic, inline) = MagicSplit.inlineCode(in: line) {
                magics.append(magic)
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

    /// The name a whole-cell help query asks about: `name?`, `name??`, `?name` or `??name`
    /// (IPython's forms; a dotted name or an operator such as `>>` too), else nil.
    static func helpQuery(_ source: String) -> String? {
        let text = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count > 1, !text.contains("\n") else { return nil }
        var name = Substring(text)
        if name.hasPrefix("?") {
            name = name.drop(while: { $0 == "?" })
        } else if name.hasSuffix("?") {
            name = name.dropLast(name.hasSuffix("??") ? 2 : 1)
        } else {
            return nil
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0 == "?" || $0 == " " || $0 == "(" || $0 == "\"" }) else {
            return nil
        }
        return trimmed
    }

    /// For `%time CODE` or `%timeit CODE`, the magic and the line with everything before CODE
    /// replaced by spaces; else nil. (`%timeit -n 10 CODE` takes its options first.)
    static func inlineCode(in line: String) -> (Magic, String)? {
        let scalars = Array(line.unicodeScalars)
        guard let percent = scalars.firstIndex(of: "%") else { return nil }
        var start = percent + 1
        if start < scalars.count, scalars[start] == "%" { start += 1 }
        for word in ["timeit", "time"] {
            let letters = Array(word.unicodeScalars)
            var end = start + letters.count
            guard end < scalars.count, Array(scalars[start..<end]) == letters, scalars[end] == " " || scalars[end] == "\t"
            else { continue }
            var loops: Int?
            var repeats: Int?
            if word == "timeit" {
                // Options: -n N, -r N, in any order, before the code.
                while true {
                    var cursor = end
                    while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
                    guard cursor + 1 < scalars.count, scalars[cursor] == "-", scalars[cursor + 1] == "n" || scalars[cursor + 1] == "r"
                    else { break }
                    let flag = scalars[cursor + 1]
                    cursor += 2
                    while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
                    var digits = ""
                    while cursor < scalars.count, scalars[cursor].properties.numericType != nil, scalars[cursor].isASCII {
                        digits.unicodeScalars.append(scalars[cursor])
                        cursor += 1
                    }
                    guard let count = Int(digits), count > 0 else { return nil }
                    if flag == "n" { loops = count } else { repeats = count }
                    end = cursor
                }
            }
            guard end < scalars.count, scalars[end...].contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
            let magic: Magic = word == "time" ? .time : .timeit(loops: loops, repeats: repeats)
            return (magic, String(repeating: " ", count: end) + String(String.UnicodeScalarView(scalars[end...])))
        }
        return nil
    }

    private static func parse(_ line: String, at range: SourceRange) throws -> Magic {
        // `%%time` and `%%timeit` are IPython's cell forms; here every magic covers the cell.
        let body = line.hasPrefix("%%") ? line.dropFirst(2) : line.dropFirst()
        let words = body.split(whereSeparator: { $0.isWhitespace }).map(String.init)
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
        case "lsmagic":
            try none()
            return .lsmagic
        case "timeit":
            return try timeitOptions(Array(words.dropFirst()), magic: name, at: range)
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
        case "figure_format":
            guard words.count == 2, let format = FigureFormat(rawValue: argument) else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: "svg, png or both, e.g. %figure_format both"), at: range)
            }
            return .figureFormat(format)
        case "help":
            guard words.count == 2 else {
                throw Diagnostic(.invalidMagicArgument(magic: name, expected: "one name, e.g. %help lif"), at: range)
            }
            return .help(argument)
        default:
            throw Diagnostic(.unknownMagic(name, suggestion: Suggestion.closest(to: name, among: Magic.names)), at: range)
        }
    }

    /// `%timeit -n LOOPS -r REPEATS` on a line of its own (the cell is what is timed).
    private static func timeitOptions(_ words: [String], magic: String, at range: SourceRange) throws -> Magic {
        let expected = "options -n LOOPS and -r REPEATS (positive integers), e.g. %timeit -n 10 -r 3"
        var loops: Int?
        var repeats: Int?
        var rest = words[...]
        while let flag = rest.first {
            guard flag == "-n" || flag == "-r", rest.count >= 2, let count = Int(rest[rest.startIndex + 1]), count > 0 else {
                throw Diagnostic(.invalidMagicArgument(magic: magic, expected: expected), at: range)
            }
            if flag == "-n" { loops = count } else { repeats = count }
            rest = rest.dropFirst(2)
        }
        return .timeit(loops: loops, repeats: repeats)
    }
}
