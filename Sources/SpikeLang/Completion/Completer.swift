/// Tab completion: bindings, library names and keywords; members after `.`; named arguments
/// (`tau=`) inside a call; magic names after `%`.
struct Completer {
    let bindings: [String: Value]
    let library: Library

    func complete(_ code: String, cursor: Int) -> CompletionResult {
        let context = CursorContext(code: code, cursor: cursor)
        let matches: [String]
        if context.inString {
            matches = []
        } else if context.inMagic {
            matches = Magic.names.filter { $0.hasPrefix(context.prefix) }
        } else if let chain = context.memberChain {
            matches = memberNames(of: chain).filter { $0.hasPrefix(context.prefix) }
        } else if context.afterDot {
            // A member of a call's result or an element: finding it would mean running code.
            matches = []
        } else if let first = context.prefix.unicodeScalars.first, !(first == "_" || first.properties.isXIDStart) {
            matches = []
        } else {
            var named: [String] = []
            if context.atArgumentStart, let callee = context.enclosingCall {
                named = parameterNames(of: callee).filter { $0.hasPrefix(context.prefix) }.map { $0 + "=" }
            }
            let names = Set(bindings.keys).union(library.names).union(Keyword.allCases.map(\.rawValue))
            matches = named + names.filter { $0.hasPrefix(context.prefix) }.sorted()
        }
        return CompletionResult(matches: matches, start: context.wordStart, end: context.wordEnd)
    }

    /// Members of the value a chain `a.b` names, without calling anything.
    private func memberNames(of chain: [String]) -> [String] {
        guard let first = chain.first, var value = bindings[first] else { return [] }
        for name in chain.dropFirst() {
            guard let next = Members.of(value).value(name) else { return [] }
            value = next
        }
        return Members.of(value).names
    }

    /// The parameter names of a builtin or a user function bound to `name`.
    func parameterNames(of name: String) -> [String] {
        switch bindings[name] {
        case .function(let closure)?: return closure.declaration.parameters.map(\.name)
        case .builtin(let builtin)?: return builtin.signature.parameterNames
        case nil: return library[name]?.signature.parameterNames ?? []
        default: return []
        }
    }
}
