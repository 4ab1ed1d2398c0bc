/// Jupyter's `is_complete`, decided from tokens alone: open brackets or a trailing operator
/// mean more lines are coming; a lexical error (an unterminated string) or a stray or
/// mismatched closer means no added line can fix the cell.
enum CompletenessCheck {
    static let indentUnit = "    "

    static func of(_ source: String) -> Completeness {
        let code = MagicSplit(source).code
        let (tokens, lexical) = Lexer.tokenize(code)
        if !lexical.isEmpty { return .invalid }
        var open: [Symbol] = []
        for token in tokens {
            guard case .symbol(let symbol) = token.kind else { continue }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace:
                open.append(symbol)
            case .rightParen, .rightBracket, .rightBrace:
                guard let opener = open.popLast(), opener == matchingOpener(of: symbol) else { return .invalid }
            default:
                break
            }
        }
        if !open.isEmpty {
            return .incomplete(indent: String(repeating: indentUnit, count: open.count))
        }
        let last = tokens.last { $0.kind != .newline && $0.kind != .endOfInput }
        if let last, last.continuesLine || awaitsMore(last) {
            return .incomplete(indent: indentUnit)
        }
        return .complete
    }

    private static func matchingOpener(of closer: Symbol) -> Symbol {
        switch closer {
        case .rightParen: return .leftParen
        case .rightBracket: return .leftBracket
        default: return .leftBrace
        }
    }

    /// Keywords that cannot end a statement (`else`, `in`, `if`, `for`, `fn`).
    private static func awaitsMore(_ token: Token) -> Bool {
        if case .keyword(let keyword) = token.kind {
            return [.else, .in, .if, .for, .fn].contains(keyword)
        }
        return false
    }
}
