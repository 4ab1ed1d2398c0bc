/// The kinds of token the lexer produces. Literal kinds carry their decoded value.
enum TokenKind: Equatable {
    case number(Double)
    case string(String)
    /// `f"…"`: text and `{…}` fields (docs/language.md §1).
    case formatted([FStringPiece])
    case identifier(String)
    case keyword(Keyword)
    case symbol(Symbol)
    /// A line break; significant between statements, skipped inside brackets.
    case newline
    case endOfInput
}

/// The reserved words of docs/language.md §1.
enum Keyword: String, CaseIterable {
    case fn, `for`, `in`, `if`, `else`, and, or, not, `true`, `false`, none
}

/// Operators and punctuation, spelled as in source.
enum Symbol: String, CaseIterable {
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case power = "**"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case compose = ">>"
    case at = "@"
    case assign = "="
    case dot = "."
    case dotDot = ".."
    case comma = ","
    case colon = ":"
    case semicolon = ";"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"

    /// True for operators after which a line break does not end the statement.
    var continuesLine: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .percent, .power, .equal, .notEqual, .less, .lessEqual,
            .greater, .greaterEqual, .compose, .at, .assign, .dotDot, .comma:
            return true
        default:
            return false
        }
    }
}

/// One token with where it sits: a range for diagnostics and code-point offsets for tooling.
struct Token: Equatable {
    var kind: TokenKind
    var range: SourceRange
    /// Offset of the first code point in the cell, and one past the last.
    var startOffset: Int
    var endOffset: Int

    /// How the token reads in a message: `'+'`, `a number`, `end of line`.
    var description: String {
        switch kind {
        case .number: return "a number"
        case .string, .formatted: return "a string"
        case .identifier(let name): return "'\(name)'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .newline: return "end of line"
        case .endOfInput: return "end of input"
        }
    }

    /// True if a line break after this token does not end the statement.
    var continuesLine: Bool {
        switch kind {
        case .symbol(let symbol): return symbol.continuesLine
        case .keyword(.and), .keyword(.or), .keyword(.not): return true
        default: return false
        }
    }
}
