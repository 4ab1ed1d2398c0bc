/// A whole Spike document (a `.spk` file, or a notebook's cells joined into one text) read the
/// way an editor needs it, without running anything: its syntax and name errors, and the names
/// it binds with where they are bound.
///
/// Lines that the kernel would treat as magics (`%seed 3`, `%%time`) or as help queries
/// (`lif?`, `??train`) are blanked first (the code after `%time` or `%timeit` on its line is
/// kept), keeping every other line and column where it was,
/// so a notebook's magics produce no diagnostics. Names are checked against the session's
/// bindings and the library; names bound earlier in the document count, as in one cell.
///
///     let document = session.analyze("x = 1\nprint(y)")
///     document.diagnostics.first?.range  // 2:7 to 2:8 (`y` is undefined)
///     document.symbols.map(\.name)       // ["x"]
public struct DocumentAnalysis: Sendable {
    /// A name the document binds at its top level (or in an `if` or loop body there).
    public struct Symbol: Equatable, Sendable {
        public var name: String
        /// Where the name is written in its binding statement.
        public var range: SourceRange
        /// The whole binding statement.
        public var statementRange: SourceRange
        /// `fn name(a, b=2)` for a function; nil for any other binding.
        public var signature: String?
        /// The field names when the name is bound to a record literal (`{tau: 2, rate: 5}`),
        /// the one case where members are known without running anything.
        public var fields: [String]?
    }

    /// Every syntax error, or (when the syntax is right) every name error, in source order.
    public var diagnostics: [Diagnostic]
    /// The bindings, in source order; a name bound twice appears twice.
    public var symbols: [Symbol]
}

extension Session {
    /// Checks `document` (magic and help lines blanked) against this session's names.
    /// Cost: linear in the document's size, as parsing and checking a cell.
    public func analyze(_ document: String) -> DocumentAnalysis {
        let code = Session.editorCode(document)
        let (program, syntaxErrors) = Parser.parse(code)
        let diagnostics =
            syntaxErrors.isEmpty
            ? Checker.check(program, outer: OuterNames(bindings: bindings, library: library)) : syntaxErrors
        var symbols: [DocumentAnalysis.Symbol] = []
        Session.collectSymbols(program.statements, into: &symbols)
        return DocumentAnalysis(diagnostics: diagnostics, symbols: symbols)
    }

    /// The bindings of `document` alone (parsed, not checked): cheaper than `analyze` when the
    /// diagnostics are not wanted. Cost: linear in the document's size.
    public func symbols(in document: String) -> [DocumentAnalysis.Symbol] {
        var symbols: [DocumentAnalysis.Symbol] = []
        Session.collectSymbols(Parser.parse(Session.editorCode(document)).program.statements, into: &symbols)
        return symbols
    }

    /// The signature line of a builtin (`lif(tau=2, threshold=1, …)`) and its parameter names,
    /// or nil when `name` is no builtin.
    public func builtinSignature(_ name: String) -> (text: String, parameters: [String])? {
        guard bindings[name] == nil, let builtin = library[name] else { return nil }
        return (builtin.signature.text, builtin.signature.parameterNames)
    }

    /// The library's names and the language's keywords, for completion lists.
    public var libraryNames: [String] { library.names }

    /// The language's keywords (`fn`, `for`, `true`, …).
    public static var keywords: [String] { Keyword.allCases.map(\.rawValue) }

    /// The function whose call the cursor (a code-point offset) is inside, and how many
    /// top-level commas of that call come before the cursor; nil outside any call.
    public func enclosingCall(in code: String, cursor: Int) -> (name: String, argument: Int)? {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(cursor, 0), scalars.count)
        let (tokens, _) = Lexer.tokenize(CursorContext.string(scalars[0..<end]))
        var open: [(callee: String?, commas: Int)] = []
        var previous: Token?
        for token in tokens {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace):
                var callee: String?
                if token.kind == .symbol(.leftParen), let previous, case .identifier(let name) = previous.kind {
                    callee = name
                }
                open.append((callee, 0))
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                _ = open.popLast()
            case .symbol(.comma):
                if !open.isEmpty { open[open.count - 1].commas += 1 }
            default:
                break
            }
            previous = token
        }
        guard let innermost = open.last, let callee = innermost.callee else { return nil }
        return (callee, innermost.commas)
    }

    /// `document` with magic lines and help-query lines made empty (line count unchanged).
    static func editorCode(_ document: String) -> String {
        SourceLines.of(document).map { line in
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("%") {
                // `%timeit x = f(1)` keeps its code, in its columns.
                return MagicSplit.inlineCode(in: line)?.1 ?? ""
            }
            if MagicSplit.helpQuery(line) != nil { return "" }
            return line
        }.joined(separator: "\n")
    }

    private static func collectSymbols(_ statements: [Statement], into symbols: inout [DocumentAnalysis.Symbol]) {
        for statement in statements {
            switch statement.kind {
            case .assignment(let name, let nameRange, let value):
                var fields: [String]?
                if case .record(let recordFields) = value.kind { fields = recordFields.map(\.name) }
                symbols.append(
                    .init(name: name, range: nameRange, statementRange: statement.range, signature: nil, fields: fields))
                collectSymbols(in: value, into: &symbols)
            case .function(let declaration):
                let parameters = declaration.parameters.map { $0.defaultValue == nil ? $0.name : $0.name + "=…" }
                symbols.append(
                    .init(
                        name: declaration.name, range: declaration.nameRange, statementRange: statement.range,
                        signature: "fn \(declaration.name)(\(parameters.joined(separator: ", ")))", fields: nil))
            case .loop(let variable, let variableRange, _, let body):
                symbols.append(
                    .init(name: variable, range: variableRange, statementRange: statement.range, signature: nil, fields: nil))
                collectSymbols(body.statements, into: &symbols)
            case .expression(let expression):
                collectSymbols(in: expression, into: &symbols)
            case .jump, .partAssignment:
                break
            }
        }
    }

    /// The bindings of `if` blocks, which share the enclosing scope.
    private static func collectSymbols(in expression: Expression, into symbols: inout [DocumentAnalysis.Symbol]) {
        guard case .conditional(_, let then, let otherwise) = expression.kind else { return }
        collectSymbols(then.statements + (otherwise?.statements ?? []), into: &symbols)
    }
}
