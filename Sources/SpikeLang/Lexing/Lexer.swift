/// Turns a cell's source into tokens, recording lexical errors and carrying on.
///
/// The lexer walks code points (not grapheme clusters), so columns and offsets agree with
/// Jupyter's cursor positions. It never stops early: a bad character is reported and skipped,
/// an unterminated string is reported and closed at the end of its line. Cost: O(n), with
/// ASCII fast paths (symbols looked up by code point, names built from bytes).
///
/// Given an interrupt check, it polls it every `pollInterval` code points (while reading the
/// source and while lexing it) and, once it fires, stops with `interrupted` set.
struct Lexer {
    /// How many code points are read or lexed between two polls of the interrupt check: about
    /// a millisecond of lexing.
    static let pollInterval = 1 << 16

    /// Every symbol keyed by its one or two code points (`symbolKey`), so a symbol is found
    /// without building a string.
    private static let symbols: [UInt64: Symbol] = Dictionary(
        uniqueKeysWithValues: Symbol.allCases.map { (symbolKey(Array($0.rawValue.unicodeScalars)), $0) })

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// Where the last non-newline token ended: the end of input is reported there.
    private var lastEnd: (line: Int, column: Int, offset: Int) = (1, 1, 0)
    private(set) var tokens: [Token] = []
    private(set) var diagnostics: [Diagnostic] = []
    private let isCancelled: (() -> Bool)?
    /// The position at which the interrupt check is polled next.
    private var nextPoll = Lexer.pollInterval
    /// True once the interrupt check fired; the tokens then end early.
    private(set) var interrupted = false
    /// True while lexing an f-string's field, where a `"` ends the f-string (so `f"` there is
    /// the name `f` and that end, not a nested f-string).
    private var inField = false

    init(_ source: String, isCancelled: (() -> Bool)? = nil) {
        self.isCancelled = isCancelled
        guard let isCancelled else {
            scalars = Array(source.unicodeScalars)
            return
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            scalars.append(scalar)
            if scalars.count & (Lexer.pollInterval - 1) == 0, isCancelled() {
                interrupted = true
                break
            }
        }
        self.scalars = scalars
        if interrupted { report(.interrupted, from: 0) }
    }

    /// Lexes the whole source.
    static func tokenize(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    /// Lexes the source; after an interrupt, what was lexed so far (ending in `.endOfInput`),
    /// and an `.interrupted` diagnostic where it stopped.
    mutating func run() {
        while !interrupted, let scalar = peek() {
            if position >= nextPoll {
                nextPoll = position + Lexer.pollInterval
                if let isCancelled, isCancelled() {
                    interrupted = true
                    report(.interrupted, from: position)
                    break
                }
            }
            lexToken(scalar)
        }
        let end = SourceRange(line: lastEnd.line, column: lastEnd.column)
        tokens.append(Token(kind: .endOfInput, range: end, startOffset: lastEnd.offset, endOffset: lastEnd.offset))
    }

    // MARK: Pieces

    /// One token, or a blank, line break or comment, starting with `scalar`.
    private mutating func lexToken(_ scalar: Unicode.Scalar) {
        let start = position
        switch scalar {
        case " ", "\t", "\r":
            position += 1
        case "\n":
            position += 1
            add(.newline, from: start)
            line += 1
            lineStart = position
        case "#":
            while let next = peek(), next != "\n" { position += 1 }
        case "\"":
            lexString()
        case "0"..."9":
            lexNumber()
        case "f" where peek(1) == "\"" && !inField:
            lexFormattedString()
        default:
            if scalar == "_" || Self.isIdentifierStart(scalar) {
                lexIdentifier()
            } else if !lexSymbol() {
                position += 1
                // IPython's `x?` asks for help; say how Spike asks.
                let hint = scalar == "?" ? " (for help on a name, write help(name) or %help name)" : ""
                report(.unexpectedCharacter("'\(Character(scalar))'" + hint), from: start)
            }
        }
    }

    private mutating func lexIdentifier() {
        let start = position
        while let scalar = peek(), Self.isIdentifierContinue(scalar) { position += 1 }
        let text = string(from: start)
        if let keyword = Keyword(rawValue: text) {
            add(.keyword(keyword), from: start)
        } else {
            add(.identifier(text), from: start)
        }
    }

    /// Numbers: digits with `_` between them, an optional fraction, an optional exponent.
    /// `1..5` lexes as `1`, `..`, `5`.
    private mutating func lexNumber() {
        let start = position
        var valid = consumeDigits()
        if peek() == ".", let next = peek(1), isASCIIDigit(next) {
            position += 1
            valid = consumeDigits() && valid
        }
        if peek() == "e" || peek() == "E" {
            position += 1
            if peek() == "+" || peek() == "-" { position += 1 }
            if let next = peek(), isASCIIDigit(next) {
                valid = consumeDigits() && valid
            } else {
                valid = false
            }
        }
        // A letter glued to a number (`12abc`) is part of the mistake.
        while let scalar = peek(), Self.isIdentifierContinue(scalar) {
            position += 1
            valid = false
        }
        let text = string(from: start)
        let digits = text.utf8.contains(UInt8(ascii: "_")) ? text.filter { $0 != "_" } : text
        if valid, let value = Double(digits) {
            add(.number(value), from: start)
        } else {
            report(.invalidNumber(text), from: start)
            add(.number(0), from: start)
        }
    }

    /// Consumes `[0-9]+(_[0-9]+)*`; false if an underscore is not between two digits.
    private mutating func consumeDigits() -> Bool {
        var valid = true
        var previousWasDigit = false
        while let scalar = peek() {
            if isASCIIDigit(scalar) {
                previousWasDigit = true
            } else if scalar == "_" {
                if !previousWasDigit { valid = false }
                previousWasDigit = false
            } else {
                break
            }
            position += 1
        }
        return valid && previousWasDigit
    }

    private mutating func lexString() {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), scalar != "\n" else {
                report(.unterminatedString, from: start)
                break
            }
            position += 1
            if scalar == "\"" { break }
            guard scalar == "\\" else {
                value.append(scalar)
                continue
            }
            lexEscape(into: &value)
        }
        add(.string(String(value)), from: start)
    }

    /// After a backslash: `\"`, `\\`, `\n`, `\t` or `\u{…}` decoded into `value`; any other
    /// escape is reported. A backslash at the end of the line is left to the unterminated string.
    private mutating func lexEscape(into value: inout String.UnicodeScalarView) {
        let escapeStart = position - 1
        guard let escaped = peek(), escaped != "\n" else { return }
        position += 1
        switch escaped {
        case "\"": value.append("\"")
        case "\\": value.append("\\")
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "u":
            if let decoded = lexUnicodeEscape() {
                value.append(decoded)
            } else {
                report(.invalidEscape(String(string(from: escapeStart).dropFirst())), from: escapeStart)
            }
        default:
            report(.invalidEscape(String(Character(escaped))), from: escapeStart)
        }
    }

    /// `f"…"`: text with the escapes of a string and `{{`/`}}` for braces, and fields
    /// `{expression}` or `{expression:spec}` whose tokens are lexed in place (their ranges point
    /// into the cell). A single `}` is reported and skipped; a field not closed on its line is
    /// reported at its `{` and ends the f-string.
    private mutating func lexFormattedString() {
        let start = position
        position += 2
        var pieces: [FStringPiece] = []
        var text = String.UnicodeScalarView()
        scanning: while true {
            guard let scalar = peek(), scalar != "\n" else {
                report(.unterminatedString, from: start)
                break
            }
            switch scalar {
            case "\"":
                position += 1
                break scanning
            case "{" where peek(1) == "{", "}" where peek(1) == "}":
                text.append(scalar)
                position += 2
            case "{":
                if !text.isEmpty { pieces.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                guard let field = lexField() else { break scanning }
                pieces.append(field)
            case "}":
                position += 1
                report(.fStringSingleBrace, from: position - 1)
            case "\\":
                position += 1
                lexEscape(into: &text)
            default:
                text.append(scalar)
                position += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        add(.formatted(pieces), from: start)
    }

    /// A field from its `{` through its `}`: the expression's tokens up to a `:` or `}` outside
    /// brackets, then the spec's text up to the `}`. Nil, reported at the `{`, when a `"`, the
    /// line's end or the input's end comes first (a `"` is consumed: it ends the f-string).
    private mutating func lexField() -> FStringPiece? {
        let open = position
        let openRange = SourceRange(line: line, column: open - lineStart + 1)
        position += 1
        let outer = tokens
        tokens = []
        inField = true
        defer {
            tokens = outer
            inField = false
        }
        var depth = 0
        while true {
            guard let scalar = peek(), scalar != "\n", scalar != "\"" else { return unclosedField(at: openRange) }
            if depth == 0, scalar == "}" || scalar == ":" { break }
            if scalar == "#" {
                position += 1
                report(.unexpectedCharacter("'#' (a comment cannot stand inside an f-string's {…})"), from: position - 1)
                continue
            }
            let count = tokens.count
            lexToken(scalar)
            if tokens.count > count, case .symbol(let symbol) = tokens[count].kind {
                switch symbol {
                case .leftParen, .leftBracket, .leftBrace: depth += 1
                case .rightParen, .rightBracket, .rightBrace: depth = max(depth - 1, 0)
                default: break
                }
            }
        }
        // The `:` or `}` ends the expression's tokens, followed by an end of input.
        let terminator = position
        _ = lexSymbol()
        let end = tokens[tokens.count - 1].range.start
        tokens.append(Token(kind: .endOfInput, range: SourceRange(start: end, end: end), startOffset: terminator, endOffset: terminator))
        var spec: String?
        var specRange: SourceRange?
        if peek(-1) == ":" {
            let specStart = position
            var specText = String.UnicodeScalarView()
            while true {
                guard let scalar = peek(), scalar != "\n", scalar != "\"" else { return unclosedField(at: openRange) }
                if scalar == "}" { break }
                if scalar == "{" {
                    // `{x:{width}}`: reported, and the inner field skipped up to its `}`.
                    position += 1
                    report(.fStringNestedSpec, from: position - 1)
                    while let skipped = peek(), skipped != "}", skipped != "\n", skipped != "\"" { position += 1 }
                    if peek() == "}" { position += 1 }
                    continue
                }
                specText.append(scalar)
                position += 1
            }
            spec = String(specText)
            specRange = range(from: specStart)
            position += 1
        }
        return .field(tokens: tokens, spec: spec, specRange: specRange, range: range(from: open))
    }

    /// Reports a field left open at `openRange` (its `{`) and consumes the `"` that ended it.
    private mutating func unclosedField(at openRange: SourceRange) -> FStringPiece? {
        diagnostics.append(Diagnostic(.unclosed("{"), at: openRange))
        if peek() == "\"" { position += 1 }
        return nil
    }

    /// After `\u`: `{` 1–8 hex digits `}` naming a valid scalar.
    private mutating func lexUnicodeEscape() -> Unicode.Scalar? {
        guard peek() == "{" else { return nil }
        position += 1
        var hex = ""
        while let scalar = peek(), scalar.properties.isASCIIHexDigit, hex.count < 8 {
            hex.unicodeScalars.append(scalar)
            position += 1
        }
        guard peek() == "}" else { return nil }
        position += 1
        guard !hex.isEmpty, let code = UInt32(hex, radix: 16) else { return nil }
        return Unicode.Scalar(code)
    }

    /// Longest-match operators and punctuation; false if none starts here.
    private mutating func lexSymbol() -> Bool {
        let start = position
        for length in stride(from: 2, through: 1, by: -1) where position + length <= scalars.count {
            if let symbol = Self.symbols[Self.symbolKey(scalars[position..<position + length])] {
                position += length
                add(.symbol(symbol), from: start)
                return true
            }
        }
        return false
    }

    /// One or two code points packed into one number: the first in the high bits.
    private static func symbolKey(_ spelling: some Collection<Unicode.Scalar>) -> UInt64 {
        spelling.reduce(0) { $0 << 32 | UInt64($1.value) }
    }

    /// XID_Start (a letter), answered without a table lookup for ASCII.
    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isXIDStart }
        let value = scalar.value | 0x20  // ASCII letters fold to lower case
        return value >= 97 && value <= 122
    }

    /// `_` or XID_Continue (a letter or digit), answered without a table lookup for ASCII.
    private static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isXIDContinue }
        return isIdentifierStart(scalar) || (scalar.value >= 48 && scalar.value <= 57) || scalar == "_"
    }

    // MARK: Helpers

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    private func string(from start: Int) -> String {
        let slice = scalars[start..<position]
        if slice.allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: slice.count) { bytes in
                for (index, scalar) in zip(bytes.indices, slice) { bytes[index] = UInt8(truncatingIfNeeded: scalar.value) }
                return slice.count
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: slice)
        return text
    }

    private func range(from start: Int) -> SourceRange {
        SourceRange(line: line, column: start - lineStart + 1, length: max(position - start, 1))
    }

    private mutating func add(_ kind: TokenKind, from start: Int) {
        let range = range(from: start)
        tokens.append(Token(kind: kind, range: range, startOffset: start, endOffset: position))
        if kind != .newline { lastEnd = (range.end.line, range.end.column, position) }
    }

    private mutating func report(_ problem: Problem, from start: Int) {
        diagnostics.append(Diagnostic(problem, at: range(from: start)))
    }
}
