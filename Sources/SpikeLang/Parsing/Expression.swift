/// An expression node with the source range it was parsed from.
struct Expression: Equatable {
    indirect enum Kind: Equatable {
        case number(Double)
        case string(String)
        /// `f"…{expression:spec}…"`.
        case formatted([FormattedPart])
        case boolean(Bool)
        case none
        case name(String)
        case list([Expression])
        case record([RecordField])
        /// `a..b`, half-open.
        case range(Expression, Expression)
        case negate(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `and` / `or`, which short-circuit.
        case logical(LogicalOperator, Expression, Expression)
        case call(Expression, [Argument])
        case member(Expression, name: String, nameRange: SourceRange)
        case index(Expression, Expression)
        case slice(Expression, lower: Expression?, upper: Expression?)
        /// `if c { … } else { … }`; `otherwise` is nil without `else`.
        case conditional(condition: Expression, then: Block, otherwise: Block?)
    }

    var kind: Kind
    var range: SourceRange
}

/// The arithmetic, comparison and composition operators.
enum BinaryOperator: String, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case power = "**"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case compose = ">>"
    /// `x in xs`: membership in a list, a substring of a string, a field name of a record.
    case contains = "in"
}

enum LogicalOperator: String, Equatable {
    case and, or
}

/// `name: value` inside a record literal.
struct RecordField: Equatable {
    var name: String
    var nameRange: SourceRange
    var value: Expression
}

/// One argument of a call: positional when `name` is nil.
struct Argument: Equatable {
    var name: String?
    var nameRange: SourceRange?
    var value: Expression

    /// The range to blame for a problem with this argument.
    var range: SourceRange { nameRange.map { $0.through(value.range) } ?? value.range }
}
