/// A statement with its range and whether a `;` ended it (which hides a cell's result).
struct Statement: Equatable {
    enum Kind: Equatable {
        case expression(Expression)
        case assignment(name: String, nameRange: SourceRange, value: Expression)
        case function(FunctionDeclaration)
        case loop(variable: String, variableRange: SourceRange, sequence: Expression, body: Block)
        /// `break` or `continue`, inside a `for` body (the checker makes sure).
        case jump(Jump)
        /// `xs[i] = v`, `r.name = v`, `r.runs[0].loss = v`: replaces a part of a bound value.
        case partAssignment(PartTarget, value: Expression)
    }

    /// What `break` and `continue` do to the innermost `for` loop.
    enum Jump: String, Equatable {
        case `break`, `continue`
    }

    var kind: Kind
    var range: SourceRange
    var endsWithSemicolon = false
}

/// The left side of a part assignment: a bound name followed by fields and indices, e.g.
/// `grid[i][j]` is `grid` with the steps `[i]`, `[j]`; `r.runs[0]` is `r` with `.runs`, `[0]`.
struct PartTarget: Equatable {
    /// One step from a value to one of its parts.
    struct Step: Equatable {
        enum Key: Equatable {
            /// `.name`: a record field.
            case field(String)
            /// `[expr]`: a list item, a record field by computed name, or a tensor row or element.
            case index(Expression)
        }

        var key: Key
        /// The field name, or the index expression.
        var range: SourceRange
        /// The target up to and including this step (`r.runs` for the first step of `r.runs[0]`).
        var through: SourceRange
    }

    var name: String
    var nameRange: SourceRange
    /// At least one step.
    var steps: [Step]
}

/// `{ statements }`: its value is the value of its last statement when that is an expression.
struct Block: Equatable {
    var statements: [Statement]
    var range: SourceRange
}

/// `fn name(a, b=2) = expr` or `fn name(a) { statements }`.
struct FunctionDeclaration: Equatable {
    enum Body: Equatable {
        case expression(Expression)
        case block(Block)
    }

    var name: String
    var nameRange: SourceRange
    var parameters: [Parameter]
    var body: Body
}

/// A declared parameter; `defaultValue` is evaluated once, when the `fn` statement runs.
struct Parameter: Equatable {
    var name: String
    var range: SourceRange
    var defaultValue: Expression?
}

/// A parsed cell: its statements, or every syntax error found.
struct Program: Equatable {
    var statements: [Statement]
}
