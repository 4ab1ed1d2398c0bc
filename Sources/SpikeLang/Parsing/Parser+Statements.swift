/// Statements, blocks and the recovery that lets one cell report several syntax errors.
extension Parser {
    /// Parses one statement and its terminator; on error records it, resynchronises, returns nil.
    mutating func parseRecoveringStatement() -> Statement? {
        let start = index
        let savedNesting = nesting
        do {
            var statement = try parseStatement()
            try finishStatement(&statement)
            return statement
        } catch let diagnostic as Diagnostic {
            // After an interrupt the parser stands at the end of input; stay there.
            guard interruption == nil else { return nil }
            diagnostics.append(diagnostic)
            nesting = savedNesting
            index = start
            synchronize()
            return nil
        } catch {
            return nil
        }
    }

    /// After a statement: a newline, `;`, the end of input or a block's `}` must follow.
    mutating func finishStatement(_ statement: inout Statement) throws {
        let token = peek()
        switch token.kind {
        case .symbol(.semicolon):
            advance()
            statement.endsWithSemicolon = true
        case .newline:
            advance()
        case .endOfInput, .symbol(.rightBrace):
            break
        default:
            throw Diagnostic(.expected("end of statement (newline or ';')", found: token.description), at: token.range)
        }
    }

    /// From the start of a failed statement, skips to just after the next newline or `;`
    /// outside the statement's own brackets, or to a `}` that closes the enclosing block, or
    /// to the end of input. Always consumes at least one token unless at such a `}` or the end.
    mutating func synchronize() {
        var depth = 0
        while true {
            let token = tokens[index]
            switch token.kind {
            case .endOfInput:
                return
            case .newline, .symbol(.semicolon):
                index += 1
                if depth <= 0 { return }
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace):
                depth += 1
                index += 1
            case .symbol(.rightBrace):
                if depth <= 0 { return }
                depth -= 1
                index += 1
            case .symbol(.rightParen), .symbol(.rightBracket):
                depth = max(depth - 1, 0)
                index += 1
            default:
                index += 1
            }
        }
    }

    mutating func parseStatement() throws -> Statement {
        let token = peek()
        switch token.kind {
        case .keyword(.fn) where peekNext().kind != .symbol(.leftParen):
            let declaration = try parseFunction()
            return Statement(kind: .function(declaration), range: range(from: token.range))
        case .keyword(.for):
            return try parseLoop()
        case .identifier(let word) where Statement.Jump(rawValue: word) != nil && Parser.endsStatement(peekNext()):
            advance()
            return Statement(kind: .jump(Statement.Jump(rawValue: word) ?? .break), range: token.range)
        case .identifier(let word) where Parser.foreignKeywords.contains(word) && Parser.startsOperand(peekNext()):
            throw Diagnostic(.foreignKeyword(word), at: token.range)
        case .identifier(let name) where peekNext().kind == .symbol(.assign):
            advance()
            advance()
            skipNewlines()
            let value = try parseExpression()
            return Statement(kind: .assignment(name: name, nameRange: token.range, value: value), range: range(from: token.range))
        default:
            let expression = try parseExpression()
            if check(.assign) {
                guard let target = Parser.partTarget(expression) else {
                    throw Diagnostic(.invalidAssignmentTarget, at: expression.range)
                }
                advance()
                skipNewlines()
                let value = try parseExpression()
                return Statement(kind: .partAssignment(target, value: value), range: range(from: expression.range))
            }
            return Statement(kind: .expression(expression), range: expression.range)
        }
    }

    /// `expression` as the target of a part assignment: a name followed by at least one
    /// `.field` or `[index]` (`r.runs[0]`); nil for anything else (a call, a slice, a literal).
    static func partTarget(_ expression: Expression) -> PartTarget? {
        var steps: [PartTarget.Step] = []
        var current = expression
        while true {
            switch current.kind {
            case .member(let base, let name, let nameRange):
                steps.append(PartTarget.Step(key: .field(name), range: nameRange, through: current.range))
                current = base
            case .index(let base, let index):
                steps.append(PartTarget.Step(key: .index(index), range: index.range, through: current.range))
                current = base
            case .name(let name) where !steps.isEmpty:
                return PartTarget(name: name, nameRange: current.range, steps: steps.reversed())
            default:
                return nil
            }
        }
    }

    /// Words from Python or JavaScript that cannot start a Spike statement when followed by
    /// an operand (`return x`, `def f(...)`): reported with what Spike offers instead.
    static let foreignKeywords: Set<String> = ["def", "function", "lambda", "return", "while", "elif", "let", "var", "const"]

    /// Whether `token` ends a statement: a line break, `;`, `}` or the end of the cell.
    static func endsStatement(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .endOfInput, .symbol(.semicolon), .symbol(.rightBrace): return true
        default: return false
        }
    }

    /// Whether `token` can begin an operand (a name, literal or opening bracket).
    static func startsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.none), .keyword(.not): return true
        default: return false
        }
    }

    /// `fn name(params) = expr` or `fn name(params) { … }`.
    mutating func parseFunction() throws -> FunctionDeclaration {
        advance()
        let (name, nameRange) = try expectIdentifier("a function name")
        return try parseFunction(named: name, at: nameRange)
    }

    /// The parameters and body after `fn name`, or after `fn` alone for an anonymous function.
    mutating func parseFunction(named name: String, at nameRange: SourceRange) throws -> FunctionDeclaration {
        let opener = try expect(.leftParen)
        let parameters = try withNewlines(skipped: true) { parser in try parser.parseParameters(opener: opener) }
        if match(.assign) {
            skipNewlines()
            let body = try parseExpression()
            return FunctionDeclaration(name: name, nameRange: nameRange, parameters: parameters, body: .expression(body))
        }
        guard check(.leftBrace) else {
            let token = peek()
            throw Diagnostic(.expected("'=' or '{' after the parameters", found: token.description), at: token.range)
        }
        let body = try parseBlock()
        return FunctionDeclaration(name: name, nameRange: nameRange, parameters: parameters, body: .block(body))
    }

    /// The parameter list after `(`; a name given twice is reported at its second occurrence,
    /// a required parameter after one with a default at its name. Cost: O(n) for n parameters.
    private mutating func parseParameters(opener: Token) throws -> [Parameter] {
        var parameters: [Parameter] = []
        var names: Set<String> = []
        var hasDefault = false
        while !check(.rightParen) {
            let (name, nameRange) = try expectIdentifier("a parameter name")
            guard names.insert(name).inserted else {
                throw Diagnostic(.duplicateParameter(name), at: nameRange)
            }
            var defaultValue: Expression?
            if match(.assign) {
                defaultValue = try parseExpression()
                hasDefault = true
            } else if hasDefault {
                throw Diagnostic(.requiredAfterDefault(name), at: nameRange)
            }
            parameters.append(Parameter(name: name, range: nameRange, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try expect(.rightParen, closing: opener)
        return parameters
    }

    /// `for name in sequence { … }`.
    mutating func parseLoop() throws -> Statement {
        let start = advance()
        let (variable, variableRange) = try expectIdentifier("a loop variable name")
        guard check(.in) else {
            let token = peek()
            throw Diagnostic(.expected("'in'", found: token.description), at: token.range)
        }
        advance()
        let sequence = try withRecords(false) { parser in try parser.parseExpression() }
        let body = try parseBlock()
        return Statement(
            kind: .loop(variable: variable, variableRange: variableRange, sequence: sequence, body: body),
            range: range(from: start.range))
    }

    /// `{ statements }` with newlines significant inside.
    mutating func parseBlock() throws -> Block {
        let opener = try expect(.leftBrace)
        try enterNesting(at: opener.range)
        defer { nesting -= 1 }
        return try withNewlines(skipped: false) { parser in
            try parser.withRecords(true) { parser in
                var statements: [Statement] = []
                while true {
                    parser.skipSeparators()
                    let token = parser.peek()
                    if token.kind == .symbol(.rightBrace) { break }
                    if token.kind == .endOfInput {
                        throw Diagnostic(.unclosed("{"), at: opener.range)
                    }
                    if let statement = parser.parseRecoveringStatement() {
                        statements.append(statement)
                    }
                }
                parser.advance()
                return Block(statements: statements, range: parser.range(from: opener.range))
            }
        }
    }
}
