/// The names a run of statements may bind in its own scope: assignments, `fn` names and loop
/// variables, including those inside `if` blocks and nested loops (which share the scope),
/// but not those inside function bodies or comprehensions (which have their own). The checker
/// also uses the names a whole cell binds at its top level: function bodies may refer to them
/// before they are bound (forward references).
///
/// A loop body runs again after its first pass, so a name it binds anywhere may already be
/// bound when an earlier line of the body reads it (`if i > 0 { print(previous) }` followed
/// by `previous = i`); the checker counts such names as known inside the body.
enum BoundNames {
    static func of(_ statements: [Statement]) -> Set<String> {
        var names = Set<String>()
        for statement in statements { collect(statement, into: &names) }
        return names
    }

    private static func collect(_ statement: Statement, into names: inout Set<String>) {
        switch statement.kind {
        case .assignment(let name, _, let value):
            names.insert(name)
            collect(value, into: &names)
        case .function(let declaration):
            names.insert(declaration.name)
        case .loop(let variable, _, let sequence, let body):
            names.insert(variable)
            collect(sequence, into: &names)
            for statement in body.statements { collect(statement, into: &names) }
        case .expression(let expression):
            collect(expression, into: &names)
        case .partAssignment(let target, let value):
            for step in target.steps {
                if case .index(let index) = step.key { collect(index, into: &names) }
            }
            collect(value, into: &names)
        case .jump:
            break
        }
    }

    /// Only conditionals hold statements that share the scope; other expressions bind nothing
    /// here (an anonymous function's body and a comprehension have scopes of their own).
    private static func collect(_ expression: Expression, into names: inout Set<String>) {
        guard case .conditional(_, let then, let otherwise) = expression.kind else { return }
        for statement in then.statements + (otherwise?.statements ?? []) { collect(statement, into: &names) }
    }
}
