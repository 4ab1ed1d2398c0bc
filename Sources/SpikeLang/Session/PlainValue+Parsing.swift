/// Reading plain values from the command line with the language's own lexer and parser.
///
/// A literal is a number (`3`, `-0.5`, `1e-3`), a string in double quotes, `true`, `false`,
/// `none`, a list or a record of literals. For convenience a bare word — an identifier that is
/// not a keyword, such as `cpg` — stands for the string with that text, wherever a literal may
/// stand (`pe=cpg` is `pe="cpg"`, `xs=[a, b]` is `xs=["a", "b"]`). Anything else (a call, an
/// operator, a member) is refused: nothing is evaluated.
///
///     PlainValue.parse("-2")                 // .success(.number(-2))
///     PlainValue.parse("f(1)")               // .failure(.notALiteral(found: "a call", column: 1))
///     PlainValue.parseValues("0..3, 10")     // .success([0, 1, 2, 10] as numbers)
extension PlainValue {
    /// One literal.
    public static func parse(_ text: String) -> Result<PlainValue, LiteralError> {
        Result { () throws(LiteralError) -> PlainValue in try literal(of: singleExpression(in: text)) }
    }

    /// Literals separated by commas, where an item `a..b` with whole-number ends stands for the
    /// integers a, a+1, …, b-1 (a half-open range, as in the language). At most `limit` values:
    /// a range is counted before it is expanded.
    public static func parseValues(_ text: String, limit: Int = 1_000_000) -> Result<[PlainValue], LiteralError> {
        // Columns in errors count from the user's text, without the `[` put before it.
        Result { () throws(LiteralError) -> [PlainValue] in
            do throws(LiteralError) {
                return try values(in: singleExpression(in: "[" + text + "]"), limit: limit)
            } catch {
                throw error.movedLeft(by: 1)
            }
        }
    }

    private static func values(in expression: Expression, limit: Int) throws(LiteralError) -> [PlainValue] {
        guard case .list(let items) = expression.kind else {
            throw .notALiteral(found: found(expression), column: expression.range.start.column)
        }
        var values: [PlainValue] = []
        for item in items {
            if case .range(let lower, let upper) = item.kind {
                let (from, to) = (try wholeNumber(lower), try wholeNumber(upper))
                guard to <= from || to - from <= limit - values.count else { throw .tooManyValues(limit: limit) }
                values += (from..<max(from, to)).map { .number(Double($0)) }
            } else {
                guard values.count < limit else { throw .tooManyValues(limit: limit) }
                values.append(try literal(of: item))
            }
        }
        return values
    }

    /// The one expression `text` holds.
    private static func singleExpression(in text: String) throws(LiteralError) -> Expression {
        let (program, diagnostics) = Parser.parse(text)
        if let first = diagnostics.first {
            throw .syntax(message: first.problem.message, column: first.range.start.column)
        }
        guard let statement = program.statements.first else { throw .empty }
        guard program.statements.count == 1 else { throw .notOneValue(column: program.statements[1].range.start.column) }
        guard case .expression(let expression) = statement.kind else {
            throw .notALiteral(found: "a statement", column: statement.range.start.column)
        }
        return expression
    }

    /// The plain value a literal expression stands for.
    private static func literal(of expression: Expression) throws(LiteralError) -> PlainValue {
        switch expression.kind {
        case .number(let number):
            guard number.isFinite else { throw .nonFiniteNumber(column: expression.range.start.column) }
            return .number(number)
        case .negate(let operand):
            guard case .number(let number) = try literal(of: operand) else {
                throw .notALiteral(found: found(expression), column: expression.range.start.column)
            }
            return .number(-number)
        case .string(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .none: return .none
        case .name(let word): return .string(word)
        case .list(let items):
            var values: [PlainValue] = []
            for item in items { values.append(try literal(of: item)) }
            return .list(values)
        case .record(let fields):
            var values: [Field] = []
            for field in fields { values.append(Field(name: field.name, value: try literal(of: field.value))) }
            return .record(values)
        default:
            throw .notALiteral(found: found(expression), column: expression.range.start.column)
        }
    }

    /// A range end: a whole number, possibly negated.
    private static func wholeNumber(_ expression: Expression) throws(LiteralError) -> Int {
        guard case .number(let number) = try? literal(of: expression), number == number.rounded(), abs(number) <= 1e15 else {
            throw .rangeBound(column: expression.range.start.column)
        }
        return Int(number)
    }

    /// What a non-literal expression is, as a message says it.
    private static func found(_ expression: Expression) -> String {
        switch expression.kind {
        case .call: return "a call"
        case .member: return "a member access"
        case .index, .slice: return "a subscript"
        case .range: return "a range"
        case .conditional: return "an if expression"
        case .binary(let op, _, _): return "an expression with '\(op.rawValue)'"
        case .logical(let op, _, _): return "an expression with '\(op.rawValue)'"
        case .not: return "an expression with 'not'"
        case .negate: return "a negated expression"
        default: return "an expression"
        }
    }
}

/// Why a command-line text is not a literal (or a list of them); columns count code points
/// from 1 in the text as the user wrote it.
public enum LiteralError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text does not parse; the parser's message.
    case syntax(message: String, column: Int)
    /// It parses, but as something that is not a literal: what it is.
    case notALiteral(found: String, column: Int)
    /// Nothing but spaces.
    case empty
    /// A second statement starts at `column` (a `;` or a line break).
    case notOneValue(column: Int)
    /// A number too large to be finite (`1e999`).
    case nonFiniteNumber(column: Int)
    /// A range end that is not a whole number.
    case rangeBound(column: Int)
    /// More values than the caller accepts.
    case tooManyValues(limit: Int)

    /// The same error with its column `count` code points further left (at least 1).
    func movedLeft(by count: Int) -> LiteralError {
        switch self {
        case .syntax(let message, let column): return .syntax(message: message, column: max(column - count, 1))
        case .notALiteral(let found, let column): return .notALiteral(found: found, column: max(column - count, 1))
        case .notOneValue(let column): return .notOneValue(column: max(column - count, 1))
        case .nonFiniteNumber(let column): return .nonFiniteNumber(column: max(column - count, 1))
        case .rangeBound(let column): return .rangeBound(column: max(column - count, 1))
        case .empty, .tooManyValues: return self
        }
    }

    public var description: String {
        switch self {
        case .syntax(let message, let column):
            return "\(message) (column \(column))"
        case .notALiteral(let found, let column):
            return "\(found) at column \(column) is not a literal: a value is a number, a \"string\", "
                + "true, false, none, a list or a record (a bare word such as cpg is a string)"
        case .empty:
            return "no value given"
        case .notOneValue(let column):
            return "a second statement starts at column \(column); a value is one literal"
        case .nonFiniteNumber(let column):
            return "the number at column \(column) is too large"
        case .rangeBound(let column):
            return "a range's ends must be whole numbers (column \(column))"
        case .tooManyValues(let limit):
            return "more than \(limit) values"
        }
    }
}
