/// Builds a `Program` from tokens by recursive descent, recovering at statement boundaries.
///
/// Newlines: inside `()`, `[]` and record `{}` they are skipped; inside a block `{}` they
/// separate statements again; after a binary operator, `,` or `=` they are skipped.
/// On a syntax error the parser records it, skips to the next statement boundary at the same
/// bracket depth and carries on, so every independent error in a cell is reported.
/// Nesting (brackets, operators, calls) deeper than `nestingLimit` is itself a syntax error,
/// which keeps every later recursive pass within bounded stack.
///
/// Given an interrupt check, the lexer and the parser poll it (every `Lexer.pollInterval` code
/// points, every `pollInterval` tokens); once it fires, `parse` answers only an `.interrupted`
/// diagnostic where it stopped, so a huge cell ends within about a millisecond of an interrupt.
struct Parser {
    static let nestingLimit = 200
    /// Operators in flat chains along one path of a cell's syntax tree (`1 + 1 + … + 1`).
    static let chainLimit = 10_000
    /// How many tokens are consumed between two polls of the interrupt check: well under a
    /// millisecond of parsing.
    static let pollInterval = 1 << 12

    var tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// One entry per open bracket: true where newlines are insignificant.
    var newlineModes: [Bool] = [false]
    /// False while parsing an `if` condition or `for` sequence, where `{` opens the block.
    var allowsRecords = true
    var nesting = 0
    /// Operators of flat chains (`a + b + c`, `p and q and r`) on the path to the current
    /// expression, beyond each chain's first: they deepen the tree, not the nesting.
    var chainDepth = 0
    /// The end of the last consumed token, for ranges.
    var previousEnd = SourceLocation(line: 1, column: 1)
    let isCancelled: (() -> Bool)?
    /// Tokens still to consume before the next poll of `isCancelled`.
    var untilPoll = Parser.pollInterval
    /// Where the interrupt check fired, if it did; parsing then sees the end of input.
    private(set) var interruption: SourceRange?

    init(tokens: [Token], isCancelled: (() -> Bool)? = nil) {
        self.tokens =
            tokens.isEmpty
            ? [Token(kind: .endOfInput, range: SourceRange(line: 1, column: 1), startOffset: 0, endOffset: 0)]
            : tokens
        self.isCancelled = isCancelled
    }

    /// Lexes and parses a cell; diagnostics hold lexical and syntax errors in source order.
    /// After an interrupt (`isCancelled` fired), the program is empty and the only
    /// diagnostic is `.interrupted`.
    static func parse(_ source: String, isCancelled: (() -> Bool)? = nil) -> (program: Program, diagnostics: [Diagnostic]) {
        var lexer = Lexer(source, isCancelled: isCancelled)
        lexer.run()
        if lexer.interrupted, let stop = lexer.diagnostics.last {
            return (Program(statements: []), [stop])
        }
        let (tokens, lexical) = (lexer.tokens, lexer.diagnostics)
        var parser = Parser(tokens: tokens, isCancelled: isCancelled)
        let program = parser.parseProgram()
        if let interruption = parser.interruption {
            return (Program(statements: []), [Diagnostic(.interrupted, at: interruption)])
        }
        // A bad character or string usually makes the parser stumble later on the same line;
        // report the lexical error alone there (after the first lexical error of that line).
        var firstLexical: [Int: SourceLocation] = [:]
        for diagnostic in lexical {
            firstLexical[diagnostic.range.start.line] = min(
                firstLexical[diagnostic.range.start.line] ?? diagnostic.range.start,
                diagnostic.range.start)
        }
        let syntax = parser.diagnostics.filter { diagnostic in
            guard let first = firstLexical[diagnostic.range.start.line] else { return true }
            return diagnostic.range.start < first
        }
        return (program, (lexical + syntax).sorted { $0.range.start < $1.range.start })
    }

    mutating func parseProgram() -> Program {
        var statements: [Statement] = []
        while interruption == nil {
            skipSeparators()
            let token = peek()
            if token.kind == .endOfInput { break }
            if case .symbol(let symbol) = token.kind, [.rightBrace, .rightParen, .rightBracket].contains(symbol) {
                diagnostics.append(Diagnostic(.unmatched(symbol.rawValue), at: token.range))
                advance()
                continue
            }
            if let statement = parseRecoveringStatement() {
                statements.append(statement)
            }
        }
        return Program(statements: statements)
    }

    // MARK: Token access

    mutating func peek() -> Token {
        if newlineModes.last == true {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    /// The token after the current one, without skipping anything.
    func peekNext() -> Token {
        tokens[min(index + 1, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = peek()
        if token.kind != .endOfInput {
            index += 1
            previousEnd = token.range.end
            untilPoll -= 1
            if untilPoll == 0 { pollInterrupt(at: token.range) }
        }
        return token
    }

    /// Polls the interrupt check; once it fires, records `range` and moves to the end of
    /// input, so every construct being parsed ends at once (their errors are dropped).
    private mutating func pollInterrupt(at range: SourceRange) {
        untilPoll = Parser.pollInterval
        guard let isCancelled, isCancelled() else { return }
        interruption = range
        index = tokens.count - 1
    }

    mutating func check(_ symbol: Symbol) -> Bool {
        peek().kind == .symbol(symbol)
    }

    mutating func check(_ keyword: Keyword) -> Bool {
        peek().kind == .keyword(keyword)
    }

    /// Consumes `symbol` if it is next.
    mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    mutating func skipSeparators() {
        while tokens[index].kind == .newline || tokens[index].kind == .symbol(.semicolon) { index += 1 }
    }

    /// Consumes the expected symbol or throws; a missing closer at the end of input is
    /// reported at its opener ("'(' was never closed").
    @discardableResult
    mutating func expect(_ symbol: Symbol, closing opener: Token? = nil) throws -> Token {
        let token = peek()
        if token.kind == .symbol(symbol) { return advance() }
        if let opener, case .symbol(let open) = opener.kind,
            token.kind == .endOfInput || token.range.start.line > previousEnd.line
        {
            // A closing bracket missing at the end of a line: the opener is the culprit, not
            // whatever starts the next line.
            throw Diagnostic(.unclosed(open.rawValue), at: opener.range)
        }
        throw Diagnostic(.expected("'\(symbol.rawValue)'", found: token.description), at: token.range)
    }

    mutating func expectIdentifier(_ what: String) throws -> (String, SourceRange) {
        let token = peek()
        guard case .identifier(let name) = token.kind else {
            throw Diagnostic(.expected(what, found: token.description), at: token.range)
        }
        advance()
        return (name, token.range)
    }

    /// A member name after `.`: an identifier, or a keyword (records may have a `none` field).
    mutating func expectMemberName() throws -> (String, SourceRange) {
        let token = peek()
        if case .keyword(let keyword) = token.kind {
            advance()
            return (keyword.rawValue, token.range)
        }
        return try expectIdentifier("a member name after '.'")
    }

    /// Runs `body` with newlines significant (`false`) or skipped (`true`).
    mutating func withNewlines<T>(skipped: Bool, _ body: (inout Parser) throws -> T) rethrows -> T {
        newlineModes.append(skipped)
        defer { newlineModes.removeLast() }
        return try body(&self)
    }

    /// Runs `body` with record literals allowed or not (not in `if`/`for` heads).
    mutating func withRecords<T>(_ allowed: Bool, _ body: (inout Parser) throws -> T) rethrows -> T {
        let saved = allowsRecords
        allowsRecords = allowed
        defer { allowsRecords = saved }
        return try body(&self)
    }

    /// Counts one more operator of a flat chain at `range`, failing past `chainLimit`: the tree
    /// stays deep enough for the checker and evaluator to walk on their stack.
    mutating func extendChain(at range: SourceRange) throws {
        chainDepth += 1
        if chainDepth > Parser.chainLimit {
            throw Diagnostic(.chainTooLong(limit: Parser.chainLimit), at: range)
        }
    }

    /// Counts one more level of nesting at `token`, failing past the limit.
    mutating func enterNesting(at range: SourceRange) throws {
        nesting += 1
        if nesting > Parser.nestingLimit {
            throw Diagnostic(.tooDeeplyNested(limit: Parser.nestingLimit), at: range)
        }
    }

    func range(from start: SourceRange) -> SourceRange {
        SourceRange(start: start.start, end: max(previousEnd, start.end))
    }
}
