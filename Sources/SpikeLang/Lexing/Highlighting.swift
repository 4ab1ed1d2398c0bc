/// A document's tokens classified for an editor's highlighting (LSP semantic tokens), from the
/// language's own lexer: keywords, numbers, strings, comments, functions, variables and
/// operators. Brackets and separators are left out; magic and help lines are skipped, as
/// `Session.analyze` skips them.
///
///     Highlighting.of("fn f(x) = x + 1  # one")
///     // keyword 1:1, function 1:4, variable 1:6, operator 1:9, variable 1:11, operator 1:13,
///     // number 1:15, comment 1:18 to 1:23
public enum Highlighting {
    /// What a stretch of source is, for coloring.
    public enum Kind: Int, CaseIterable, Sendable {
        case keyword, number, string, comment, function, variable, `operator`

        /// The LSP semantic token type name.
        public var name: String { String(describing: self) }
    }

    /// One classified stretch, on a single line.
    public struct Highlight: Equatable, Sendable {
        public var kind: Kind
        public var range: SourceRange
    }

    /// The highlights of `document`, in source order. Cost: linear in its size.
    public static func of(_ document: String) -> [Highlight] {
        let code = Session.editorCode(document)
        let (tokens, _) = Lexer.tokenize(code)
        var highlights: [Highlight] = []
        for (index, token) in tokens.enumerated() {
            guard let kind = kind(of: token, after: index > 0 ? tokens[index - 1] : nil, before: tokens.dropFirst(index + 1).first)
            else { continue }
            highlights.append(Highlight(kind: kind, range: token.range))
        }
        // Comments are not tokens: a `#` after a line's last token (or on a line without
        // tokens) starts one, up to the end of the line.
        var lastEnd: [Int: Int] = [:]
        for token in tokens where token.kind != .newline && token.kind != .endOfInput {
            lastEnd[token.range.end.line] = max(lastEnd[token.range.end.line] ?? 1, token.range.end.column)
        }
        for (index, line) in SourceLines.of(code).enumerated() {
            let scalars = Array(line.unicodeScalars)
            let from = (lastEnd[index + 1] ?? 1) - 1
            guard from < scalars.count, let hash = scalars[from...].firstIndex(of: "#") else { continue }
            highlights.append(
                Highlight(kind: .comment, range: SourceRange(line: index + 1, column: hash + 1, length: scalars.count - hash)))
        }
        return highlights.filter { $0.range.start.line == $0.range.end.line }.sorted {
            $0.range.start < $1.range.start
        }
    }

    private static func kind(of token: Token, after previous: Token?, before next: Token?) -> Kind? {
        switch token.kind {
        case .number: return .number
        case .string, .formatted: return .string
        case .keyword: return .keyword
        case .identifier:
            if next?.kind == .symbol(.leftParen) || previous?.kind == .keyword(.fn) { return .function }
            return .variable
        case .symbol(let symbol):
            switch symbol {
            case .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .colon,
                .semicolon, .dot:
                return nil
            default:
                return .operator
            }
        case .newline, .endOfInput:
            return nil
        }
    }
}
