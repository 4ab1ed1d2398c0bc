@testable import SpikeLang

/// Renders syntax trees as compact S-expressions so parser tests can state the expected tree
/// in one readable string: `2 ** 3 ** 2` → `(** 2 (** 3 2))`.
enum SExpression {
    static func of(_ expression: Expression) -> String {
        switch expression.kind {
        case .number(let value): return ValueText.number(value)
        case .string(let value): return ValueText.quoted(value)
        case .formatted(let parts):
            let shown = parts.map { part -> String in
                switch part {
                case .text(let text): return ValueText.quoted(text)
                case .field(let expression, let spec, _): return "{" + of(expression) + (spec.isEmpty ? "" : ":" + spec) + "}"
                }
            }
            return "(f" + shown.map { " " + $0 }.joined() + ")"
        case .boolean(let value): return value ? "true" : "false"
        case .none: return "none"
        case .name(let name): return name
        case .list(let items): return "[" + items.map(of).joined(separator: " ") + "]"
        case .record(let fields): return "{" + fields.map { "\($0.name):\(of($0.value))" }.joined(separator: " ") + "}"
        case .range(let a, let b): return "(.. \(of(a)) \(of(b)))"
        case .negate(let a): return "(neg \(of(a)))"
        case .not(let a): return "(not \(of(a)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(of(a)) \(of(b)))"
        case .logical(let op, let a, let b): return "(\(op.rawValue) \(of(a)) \(of(b)))"
        case .call(let callee, let arguments):
            let parts = arguments.map { argument in argument.name.map { "\($0)=" + of(argument.value) } ?? of(argument.value) }
            return "(call \(of(callee))" + parts.map { " " + $0 }.joined() + ")"
        case .member(let base, let name, _): return "(. \(of(base)) \(name))"
        case .index(let base, let index): return "(index \(of(base)) \(of(index)))"
        case .slice(let base, let lower, let upper):
            return "(slice \(of(base)) \(lower.map(of) ?? "_") \(upper.map(of) ?? "_"))"
        case .multiIndex(let base, let parts):
            let rendered = parts.map { part -> String in
                switch part.kind {
                case .index(let index): return of(index)
                case .slice(let lower, let upper): return "(: \(lower.map(of) ?? "_") \(upper.map(of) ?? "_"))"
                }
            }
            return "(subscript \(of(base)) \(rendered.joined(separator: " ")))"
        case .conditional(let condition, let then, let otherwise):
            return "(if \(of(condition)) \(of(then))" + (otherwise.map { " " + of($0) } ?? "") + ")"
        case .function(let declaration): return "(fn " + of(declaration) + ")"
        case .comprehension(let c):
            return "(for \(c.variable) \(of(c.sequence))" + (c.condition.map { " (if \(of($0)))" } ?? "") + " \(of(c.element)))"
        }
    }

    /// `(a b=2) body`: a function's parameters and body.
    static func of(_ declaration: FunctionDeclaration) -> String {
        let parameters = declaration.parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name)=\(of($0))" } ?? parameter.name
        }
        let body: String
        switch declaration.body {
        case .expression(let expression): body = of(expression)
        case .block(let block): body = of(block)
        }
        return "(\(parameters.joined(separator: " "))) \(body)"
    }

    static func of(_ block: Block) -> String {
        "{" + block.statements.map(of).joined(separator: "; ") + "}"
    }

    static func of(_ statement: Statement) -> String {
        switch statement.kind {
        case .expression(let expression): return of(expression)
        case .assignment(let name, _, let value): return "(= \(name) \(of(value)))"
        case .function(let declaration): return "(fn \(declaration.name) " + of(declaration) + ")"
        case .jump(let jump): return jump.rawValue
        case .loop(let variable, _, let sequence, let body):
            return "(for \(variable) \(of(sequence)) \(of(body)))"
        case .partAssignment(let target, let value):
            let steps = target.steps.map { step in
                switch step.key {
                case .field(let name): return "." + name
                case .index(let index): return "[" + of(index) + "]"
                }
            }
            return "(= \(target.name)\(steps.joined()) \(of(value)))"
        }
    }

    /// Parses `source` and renders its statements joined by "; ", or its first diagnostic.
    static func parse(_ source: String) -> String {
        let (program, diagnostics) = Parser.parse(source)
        if let first = diagnostics.first { return first.summary }
        return program.statements.map(of).joined(separator: "; ")
    }
}
