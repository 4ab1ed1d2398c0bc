/// What surrounds the cursor, found from tokens: the identifier being typed, the member
/// chain before a `.`, and the innermost call whose arguments the cursor is in.
///
/// Offsets are Unicode code points, as Jupyter counts them: an astral character such as 𝜏 is
/// one, a combining accent is one more.
struct CursorContext {
    /// The code-point range of the identifier (or partial identifier) at the cursor.
    var wordStart: Int
    var wordEnd: Int
    var prefix: String
    /// `a.b.` before the word: ["a", "b"]; nil when the word does not follow a `.`.
    var memberChain: [String]?
    /// True when the word follows a single `.` (a member access), whether or not what stands
    /// before it is a plain name chain: `f(x).` or `xs[0].` too.
    var afterDot: Bool
    /// The function name of the innermost open call around the cursor, if any.
    var enclosingCall: String?
    /// True when the word starts an argument of `enclosingCall` (after `(` or `,`).
    var atArgumentStart: Bool
    /// True when the cursor is in the first word of a `%` line.
    var inMagic: Bool
    /// True when the cursor is inside a string literal (nothing is completed there).
    var inString: Bool

    init(code: String, cursor: Int) {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(cursor, 0), scalars.count)
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isXIDContinue }
        var start = cursor
        while start > 0, isWord(scalars[start - 1]) { start -= 1 }
        wordStart = start
        wordEnd = cursor
        prefix = CursorContext.string(scalars[start..<cursor])

        var lineStart = start
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        let lineHead = CursorContext.string(scalars[lineStart..<start]).trimmingLeadingBlanks()
        inMagic = lineHead == "%"

        memberChain = CursorContext.memberChain(scalars, before: start)
        afterDot = start > 0 && scalars[start - 1] == "." && (start < 2 || scalars[start - 2] != ".")
        let (tokens, diagnostics) = Lexer.tokenize(CursorContext.string(scalars[0..<start]))
        let line = scalars[0..<start].filter { $0 == "\n" }.count + 1
        inString = diagnostics.contains { $0.problem == .unterminatedString && $0.range.start.line == line }
        (enclosingCall, atArgumentStart) = CursorContext.enclosingCall(tokens)
    }

    /// Walks back over `name.name.` before `start`.
    private static func memberChain(_ scalars: [Unicode.Scalar], before start: Int) -> [String]? {
        guard start > 0, scalars[start - 1] == ".", start < 2 || scalars[start - 2] != "." else { return nil }
        var chain: [String] = []
        var end = start - 1
        while true {
            var begin = end
            while begin > 0, scalars[begin - 1] == "_" || scalars[begin - 1].properties.isXIDContinue { begin -= 1 }
            guard begin < end, let first = scalars[begin..<end].first, first == "_" || first.properties.isXIDStart else {
                return nil
            }
            chain.insert(string(scalars[begin..<end]), at: 0)
            guard begin > 0, scalars[begin - 1] == ".", begin < 2 || scalars[begin - 2] != "." else { return chain }
            end = begin - 1
        }
    }

    /// The callee of the innermost unclosed `(` whose opener follows a name.
    private static func enclosingCall(_ tokens: [Token]) -> (String?, Bool) {
        var open: [(callee: String?, symbol: Symbol)] = []
        var previous: Token?
        var lastSignificant: Token?
        for token in tokens where token.kind != .endOfInput {
            if case .symbol(let symbol) = token.kind {
                switch symbol {
                case .leftParen, .leftBracket, .leftBrace:
                    var callee: String?
                    if symbol == .leftParen, let previous, case .identifier(let name) = previous.kind { callee = name }
                    open.append((callee, symbol))
                case .rightParen, .rightBracket, .rightBrace:
                    _ = open.popLast()
                default:
                    break
                }
            }
            previous = token
            if token.kind != .newline { lastSignificant = token }
        }
        guard let innermost = open.last, innermost.symbol == .leftParen, let callee = innermost.callee else { return (nil, false) }
        let atStart = lastSignificant.map { $0.kind == .symbol(.leftParen) || $0.kind == .symbol(.comma) } ?? false
        return (callee, atStart)
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}

extension String {
    fileprivate func trimmingLeadingBlanks() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }))
    }
}
