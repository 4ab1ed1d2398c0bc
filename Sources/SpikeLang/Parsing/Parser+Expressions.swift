/// Expressions, lowest precedence first (docs/language.md §3):
/// `if` → `or` → `and` → `not` → comparison → `>>` → `+ -` → `* / % @` → unary `-` → `**`
/// (right-associative) → `a..b` → call, member, index, slice → primary.
extension Parser {
    /// The binary levels between `not` and unary minus, loosest first.
    enum BinaryLevel: CaseIterable {
        case comparison, composition, additive, multiplicative

        /// The operator `symbol` spells at this level, if any (a switch: no table built per call).
        func binaryOperator(_ symbol: Symbol) -> BinaryOperator? {
            switch (self, symbol) {
            case (.comparison, .equal): return .equal
            case (.comparison, .notEqual): return .notEqual
            case (.comparison, .less): return .less
            case (.comparison, .lessEqual): return .lessEqual
            case (.comparison, .greater): return .greater
            case (.comparison, .greaterEqual): return .greaterEqual
            case (.composition, .compose): return .compose
            case (.additive, .plus): return .add
            case (.additive, .minus): return .subtract
            case (.multiplicative, .star): return .multiply
            case (.multiplicative, .slash): return .divide
            case (.multiplicative, .percent): return .remainder
            case (.multiplicative, .at): return .matrixProduct
            default: return nil
            }
        }

        var tighter: BinaryLevel? {
            switch self {
            case .comparison: return .composition
            case .composition: return .additive
            case .additive: return .multiplicative
            case .multiplicative: return nil
            }
        }
    }

    mutating func parseExpression() throws -> Expression {
        let token = peek()
        try enterNesting(at: token.range)
        defer { nesting -= 1 }
        if token.kind == .keyword(.if) { return try parseConditional() }
        return try parseLogical(.or)
    }

    /// `if c { … } else { … }`, `else if` chains nest in the else block.
    mutating func parseConditional() throws -> Expression {
        let start = advance()
        let condition = try withRecords(false) { parser in try parser.parseLogical(.or) }
        if check(.assign) {
            throw Diagnostic(.expected("'{'", found: "'=' (to compare, write ==)"), at: peek().range)
        }
        let then = try parseBlock()
        var otherwise: Block?
        skipNewlinesBeforeElse()
        if check(.else) {
            advance()
            if check(.if) {
                let nested = try parseConditional()
                otherwise = Block(statements: [Statement(kind: .expression(nested), range: nested.range)], range: nested.range)
            } else {
                otherwise = try parseBlock()
            }
        }
        return Expression(kind: .conditional(condition: condition, then: then, otherwise: otherwise), range: range(from: start.range))
    }

    /// `}` and `else` may stand on separate lines: skips line breaks only when `else` follows.
    private mutating func skipNewlinesBeforeElse() {
        var ahead = index
        while tokens[ahead].kind == .newline { ahead += 1 }
        if tokens[ahead].kind == .keyword(.else) { index = ahead }
    }

    mutating func parseLogical(_ op: LogicalOperator) throws -> Expression {
        var left = op == .or ? try parseLogical(.and) : try parseNot()
        let keyword: Keyword = op == .or ? .or : .and
        let (saved, savedChain) = (nesting, chainDepth)
        defer { (nesting, chainDepth) = (saved, savedChain) }
        var chained = false
        while check(keyword) {
            let token = advance()
            // A chain counts as one level of nesting; its further operators lengthen it.
            if chained { try extendChain(at: token.range) } else { try enterNesting(at: token.range) }
            chained = true
            skipNewlines()
            let right = op == .or ? try parseLogical(.and) : try parseNot()
            left = Expression(kind: .logical(op, left, right), range: left.range.through(right.range))
        }
        return left
    }

    mutating func parseNot() throws -> Expression {
        guard check(.not) else { return try parseBinary(.comparison) }
        let token = advance()
        try enterNesting(at: token.range)
        defer { nesting -= 1 }
        skipNewlines()
        let operand = try parseNot()
        return Expression(kind: .not(operand), range: token.range.through(operand.range))
    }

    mutating func parseBinary(_ level: BinaryLevel) throws -> Expression {
        var left = try parseOperand(of: level)
        let (saved, savedChain) = (nesting, chainDepth)
        defer { (nesting, chainDepth) = (saved, savedChain) }
        var previous: BinaryOperator?
        while let op = binaryOperator(at: level) {
            let token = advance()
            // `0 < x < 1` would compare a boolean with 1: say how to write it instead.
            if level == .comparison, let previous {
                throw Diagnostic(.chainedComparison(first: previous.rawValue, second: op.rawValue), at: token.range)
            }
            // A chain counts as one level of nesting; its further operators lengthen it.
            if previous == nil { try enterNesting(at: token.range) } else { try extendChain(at: token.range) }
            previous = op
            skipNewlines()
            let right = try parseOperand(of: level)
            left = Expression(kind: .binary(op, left, right), range: left.range.through(right.range))
        }
        return left
    }

    /// The binary operator the next token spells at `level`: a symbol, or the keyword `in`
    /// among the comparisons.
    private mutating func binaryOperator(at level: BinaryLevel) -> BinaryOperator? {
        switch peek().kind {
        case .symbol(let symbol): return level.binaryOperator(symbol)
        case .keyword(.in) where level == .comparison: return .contains
        default: return nil
        }
    }

    private mutating func parseOperand(of level: BinaryLevel) throws -> Expression {
        if let tighter = level.tighter { return try parseBinary(tighter) }
        return try parseUnary()
    }

    mutating func parseUnary() throws -> Expression {
        guard check(.minus) else { return try parsePower() }
        let token = advance()
        try enterNesting(at: token.range)
        defer { nesting -= 1 }
        let operand = try parseUnary()
        return Expression(kind: .negate(operand), range: token.range.through(operand.range))
    }

    /// `a ** b`, right-associative; the exponent may carry a unary minus (`2 ** -1`).
    mutating func parsePower() throws -> Expression {
        let base = try parseRange()
        guard check(.power) else { return base }
        let token = advance()
        try enterNesting(at: token.range)
        defer { nesting -= 1 }
        skipNewlines()
        let exponent = try parseUnary()
        return Expression(kind: .binary(.power, base, exponent), range: base.range.through(exponent.range))
    }

    /// `a..b`, binding tighter than every operator: its bounds are postfix expressions.
    mutating func parseRange() throws -> Expression {
        let lower = try parsePostfix()
        guard check(.dotDot) else { return lower }
        advance()
        skipNewlines()
        let upper = try parsePostfix()
        return Expression(kind: .range(lower, upper), range: lower.range.through(upper.range))
    }

    mutating func parsePostfix() throws -> Expression {
        var expression = try parsePrimary()
        let saved = nesting
        defer { nesting = saved }
        while true {
            let token = peek()
            switch token.kind {
            case .symbol(.leftParen):
                try enterNesting(at: token.range)
                advance()
                let arguments = try withNewlines(skipped: true) { parser in
                    try parser.withRecords(true) { parser in try parser.parseArguments(opener: token) }
                }
                expression = Expression(kind: .call(expression, arguments), range: range(from: expression.range))
            case .symbol(.dot):
                try enterNesting(at: token.range)
                advance()
                let (name, nameRange) = try expectMemberName()
                expression = Expression(kind: .member(expression, name: name, nameRange: nameRange), range: range(from: expression.range))
            case .symbol(.leftBracket):
                try enterNesting(at: token.range)
                advance()
                expression = try withNewlines(skipped: true) { parser in
                    try parser.withRecords(true) { parser in try parser.parseSubscript(of: expression, opener: token) }
                }
            default:
                return expression
            }
        }
    }

    /// Positional arguments first, then `name=value`; a name given twice is reported at its
    /// second occurrence. Cost: O(n) for n arguments.
    private mutating func parseArguments(opener: Token) throws -> [Argument] {
        var arguments: [Argument] = []
        var names: Set<String> = []
        while !check(.rightParen) {
            let token = peek()
            if case .identifier(let name) = token.kind, peekNext().kind == .symbol(.assign) {
                advance()
                advance()
                skipNewlines()
                guard names.insert(name).inserted else {
                    throw Diagnostic(.duplicateArgument(name), at: token.range)
                }
                let value = try parseExpression()
                arguments.append(Argument(name: name, nameRange: token.range, value: value))
            } else {
                if token.kind == .endOfInput { break }
                let value = try parseExpression()
                if !names.isEmpty {
                    throw Diagnostic(.positionalAfterNamed, at: value.range)
                }
                arguments.append(Argument(name: nil, nameRange: nil, value: value))
            }
            if !match(.comma) { break }
        }
        try expect(.rightParen, closing: opener)
        return arguments
    }

    /// `[i]`, `[a:b]`, `[:b]`, `[a:]`, `[:]`, or several such parts separated by commas
    /// (`[i, :]`, `[1:3, 2:4]`): one part gives `index` or `slice`, more give `multiIndex`.
    private mutating func parseSubscript(of base: Expression, opener: Token) throws -> Expression {
        var parts = [try parseSubscriptPart(opener: opener)]
        while match(.comma) {
            parts.append(try parseSubscriptPart(opener: opener))
        }
        try expect(.rightBracket, closing: opener)
        let whole = range(from: base.range)
        guard parts.count == 1, let part = parts.first else { return Expression(kind: .multiIndex(base, parts), range: whole) }
        switch part.kind {
        case .index(let index): return Expression(kind: .index(base, index), range: whole)
        case .slice(let lower, let upper): return Expression(kind: .slice(base, lower: lower, upper: upper), range: whole)
        }
    }

    /// One part of a subscript: `i`, `a:b`, `:b`, `a:` or `:`.
    private mutating func parseSubscriptPart(opener: Token) throws -> SubscriptPart {
        let start = peek()
        var lower: Expression?
        if !check(.colon) {
            if start.kind == .endOfInput { try expect(.rightBracket, closing: opener) }
            let index = try parseExpression()
            guard check(.colon) else { return SubscriptPart(kind: .index(index), range: index.range) }
            lower = index
        }
        advance()
        let upper = check(.rightBracket) || check(.comma) ? nil : try parseExpression()
        return SubscriptPart(kind: .slice(lower: lower, upper: upper), range: range(from: start.range))
    }

    mutating func parsePrimary() throws -> Expression {
        let token = peek()
        switch token.kind {
        case .number(let value):
            advance()
            return Expression(kind: .number(value), range: token.range)
        case .string(let value):
            advance()
            return Expression(kind: .string(value), range: token.range)
        case .formatted(let pieces):
            advance()
            return Expression(kind: .formatted(try pieces.map { try parseFormatted($0) }), range: token.range)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expression(kind: .boolean(token.kind == .keyword(.true)), range: token.range)
        case .keyword(.none):
            advance()
            return Expression(kind: .none, range: token.range)
        case .identifier(let name):
            advance()
            return Expression(kind: .name(name), range: token.range)
        case .keyword(.fn) where peekNext().kind == .symbol(.leftParen):
            advance()
            let declaration = try parseFunction(named: "fn", at: token.range)
            return Expression(kind: .function(declaration), range: range(from: token.range))
        case .keyword(.fn):
            if case .identifier(let name) = peekNext().kind {
                throw Diagnostic(
                    .expected(
                        "an expression", found: "'fn \(name)' (a named function is a statement; as a value, write fn(x) = …)"),
                    at: token.range)
            }
            throw Diagnostic(.expectedExpression(found: token.description), at: token.range)
        case .symbol(.leftParen):
            advance()
            let inner = try withNewlines(skipped: true) { parser in
                try parser.withRecords(true) { parser -> Expression in
                    let inner = try parser.parseExpression()
                    try parser.expect(.rightParen, closing: token)
                    return inner
                }
            }
            return Expression(kind: inner.kind, range: range(from: token.range))
        case .symbol(.leftBracket):
            advance()
            let kind = try withNewlines(skipped: true) { parser in
                try parser.withRecords(true) { parser in try parser.parseList(opener: token) }
            }
            return Expression(kind: kind, range: range(from: token.range))
        case .symbol(.leftBrace) where allowsRecords:
            advance()
            let fields = try withNewlines(skipped: true) { parser in try parser.parseRecord(opener: token) }
            return Expression(kind: .record(fields), range: range(from: token.range))
        default:
            throw Diagnostic(.expectedExpression(found: token.description), at: token.range)
        }
    }

    /// One piece of an f-string: text as it is; a field's tokens parsed as one expression by a
    /// parser of their own, starting at this parser's nesting. An empty field, or one that
    /// holds more than an expression, is a SyntaxError.
    private func parseFormatted(_ piece: FStringPiece) throws -> FormattedPart {
        switch piece {
        case .text(let text):
            return .text(text)
        case .field(let tokens, let spec, let specRange, let range):
            // The tokens end in the field's `:` or `}` and an end of input.
            let terminator = tokens.count - 2
            guard terminator > 0 else { throw Diagnostic(.fStringEmptyField, at: range) }
            var parser = Parser(tokens: tokens, isCancelled: isCancelled)
            (parser.nesting, parser.chainDepth) = (nesting, chainDepth)
            let expression = try parser.parseExpression()
            if parser.index != terminator {
                let token = parser.peek()
                throw Diagnostic(.expected("'}'", found: token.description), at: token.range)
            }
            return .field(expression, spec: spec ?? "", specRange: specRange ?? tokens[terminator].range)
        }
    }

    /// `[a, b, …]`, or a comprehension when `for` follows the first item.
    private mutating func parseList(opener: Token) throws -> Expression.Kind {
        var items: [Expression] = []
        while !check(.rightBracket), peek().kind != .endOfInput {
            items.append(try parseExpression())
            if items.count == 1, check(.for) {
                let comprehension = try parseComprehension(of: items[0])
                try expect(.rightBracket, closing: opener)
                return .comprehension(comprehension)
            }
            if !match(.comma) { break }
        }
        try expect(.rightBracket, closing: opener)
        return .list(items)
    }

    /// After `[element`: `for name in sequence`, then `if condition` if given.
    private mutating func parseComprehension(of element: Expression) throws -> Comprehension {
        advance()
        let (variable, variableRange) = try expectIdentifier("a loop variable name")
        guard check(.in) else {
            let token = peek()
            throw Diagnostic(.expected("'in'", found: token.description), at: token.range)
        }
        advance()
        let sequence = try parseExpression()
        var condition: Expression?
        if check(.if) {
            advance()
            condition = try parseExpression()
        }
        if check(.for) {
            throw Diagnostic(
                .expected("']' (one 'for' per comprehension; nest them: [[e for y in ys] for x in xs])", found: "'for'"),
                at: peek().range)
        }
        return Comprehension(
            element: element, variable: variable, variableRange: variableRange, sequence: sequence, condition: condition)
    }

    /// `{name: value, …}`; a field name may also be written as a string. A name given twice is
    /// reported at its second occurrence. Cost: O(n) for n fields.
    private mutating func parseRecord(opener: Token) throws -> [RecordField] {
        var fields: [RecordField] = []
        var names: Set<String> = []
        while !check(.rightBrace), peek().kind != .endOfInput {
            let token = advance()
            let name: String
            switch token.kind {
            case .identifier(let identifier): name = identifier
            case .keyword(let keyword): name = keyword.rawValue
            case .string(let string): name = string
            default: throw Diagnostic(.expected("a field name", found: token.description), at: token.range)
            }
            guard names.insert(name).inserted else {
                throw Diagnostic(.duplicateField(name), at: token.range)
            }
            try expect(.colon)
            skipNewlines()
            let value = try parseExpression()
            fields.append(RecordField(name: name, nameRange: token.range, value: value))
            if !match(.comma) { break }
        }
        try expect(.rightBrace, closing: opener)
        return fields
    }
}
