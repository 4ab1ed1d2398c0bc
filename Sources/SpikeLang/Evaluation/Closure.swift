/// A user function: its declaration, the bindings it captured by value when `fn` ran, and its
/// default values (also evaluated when `fn` ran, as in Python).
///
/// Capture by value: after `x = 1; fn f() = x; x = 2`, `f()` is still 1. The function can call
/// itself because its own name is bound inside every call.
final class Closure {
    let declaration: FunctionDeclaration
    let captured: [String: Value]
    let defaults: [Value?]
    /// The text of the cell that defined the function; its ranges refer to it.
    let source: String

    init(declaration: FunctionDeclaration, captured: [String: Value], defaults: [Value?], source: String) {
        self.declaration = declaration
        self.captured = captured
        self.defaults = defaults
        self.source = source
    }

    var name: String { declaration.name }

    /// `f(a, b=2)`, defaults in their text form.
    var signature: String {
        let parameters = zip(declaration.parameters, defaults).map { parameter, value in
            value.map { "\(parameter.name)=\(ValueText.text(of: $0))" } ?? parameter.name
        }
        return "\(name)(\(parameters.joined(separator: ", ")))"
    }
}
