/// A user function: its declaration, the scopes it reads names from, and its default values
/// (evaluated when `fn` ran, as in Python).
///
/// Names resolve as in Python, without copying the session: a call looks in its own locals,
/// then in the locals of the calls it was defined in (captured as they stood when `fn` ran;
/// empty for a function defined at top level), then in the session's globals, which the
/// closure shares by reference and reads when it runs. So after `x = 1; fn f() = x; x = 2`,
/// `f()` is 2, and functions defined one after another can call each other through their
/// global names. A function defined inside a call can call itself because its own name is
/// bound inside every call; one defined at top level finds itself among the globals.
/// An anonymous function (`fn(x) = x + 1`) captures the same way; its declaration is named
/// `fn`, so it shows as `<fn(x)>`, and a call chain names it by its line (`<fn at line 3>`).
final class Closure {
    let declaration: FunctionDeclaration
    /// The session's bindings, read when the function runs.
    let globals: Globals
    /// Locals of the enclosing calls when `fn` ran (innermost wins); empty at top level.
    private(set) var enclosing: [String: Value]
    /// Whether the function was defined inside a call (so its name is not a global).
    let isNested: Bool
    /// Whether it was written `fn(…)` as an expression, without a name.
    let isAnonymous: Bool
    /// How tracebacks name the function: `f()`, or `<fn at line 3>` for an anonymous one
    /// (the line of its `fn` in the cell that defined it). Made once: every call reads it.
    let label: String
    private(set) var defaults: [Value?]
    /// The text of the cell that defined the function; its ranges refer to it.
    let source: String

    /// A function defined at top level when `enclosing` is nil, inside a call otherwise.
    init(
        declaration: FunctionDeclaration, globals: Globals, enclosing: [String: Value]?, defaults: [Value?],
        source: String, isAnonymous: Bool = false
    ) {
        self.declaration = declaration
        self.globals = globals
        self.enclosing = enclosing ?? [:]
        self.isNested = enclosing != nil
        self.isAnonymous = isAnonymous
        label = isAnonymous ? "<fn at line \(declaration.nameRange.start.line)>" : declaration.name + "()"
        self.defaults = defaults
        self.source = source
    }

    var name: String { declaration.name }

    /// `f(a, b=2)`, defaults in their text form.
    var signature: String { ValueText.signature(of: self) }

    /// Moves the captured values and defaults onto `pending`, leaving the closure empty
    /// (used by `Value.dismantle` when this closure is released).
    func surrender(into pending: inout [Value]) {
        pending.append(contentsOf: enclosing.values)
        pending.append(contentsOf: defaults.compactMap { $0 })
        enclosing = [:]
        defaults = []
    }

    /// Releases what the closure holds iteratively: a function whose captured locals or
    /// defaults hold the previous one (`x = wrap(x)` in a long loop) forms a chain that
    /// Swift would release one nested call per link.
    deinit {
        guard enclosing.values.contains(where: \.holdsValues) || defaults.contains(where: { $0?.holdsValues ?? false })
        else { return }
        var pending: [Value] = []
        surrender(into: &pending)
        Value.dismantle(&pending)
    }
}
