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
        /// `fn(x, y=2) = expr` or `fn(x) { … }`: an anonymous function, whose declaration is
        /// named `fn` after its keyword (and ranged there).
        case function(FunctionDeclaration)
        /// `[element for variable in sequence if condition]`.
        case comprehension(Comprehension)
        /// `x[i, a:b, :]`: two or more comma-separated parts, one per axis of a tensor (one
        /// part alone parses as `index` or `slice`).
        case multiIndex(Expression, [SubscriptPart])
    }

    var kind: Kind
    var range: SourceRange
}

/// `[element for variable in sequence if condition]` (docs/language.md §3): the variable is
/// bound to each item of the sequence in a scope of the comprehension's own, and the element
/// is collected for every item the condition (if any) accepts.
struct Comprehension: Equatable {
    var element: Expression
    var variable: String
    var variableRange: SourceRange
    var sequence: Expression
    var condition: Expression?
}

/// The arithmetic, comparison and composition operators.
enum BinaryOperator: String, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case power = "**"
    /// `a @ b`: the matrix product of two tensors (NumPy's `matmul`).
    case matrixProduct = "@"
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

/// One comma-separated part of a multi-axis subscript: an index (`i`, which removes its axis)
/// or a slice (`a:b`, `:b`, `a:`, `:`, which keeps it), with the range to blame for it.
struct SubscriptPart: Equatable {
    enum Kind: Equatable {
        case index(Expression)
        case slice(lower: Expression?, upper: Expression?)
    }

    var kind: Kind
    var range: SourceRange
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
