/// Tab completion: bindings, library names and keywords; members after `.`; named arguments
/// (`tau=`) inside a call; magic names after `%`. Each candidate carries its kind and, when
/// callable, its signature.
struct Completer {
    let bindings: [String: Value]
    let library: Library

    func complete(_ code: String, cursor: Int) -> CompletionResult {
        let context = CursorContext(code: code, cursor: cursor)
        let items: [CompletionItem]
        if context.inString {
            items = []
        } else if context.inMagic {
            items = Magic.names.filter { $0.hasPrefix(context.prefix) }.map { CompletionItem(text: $0, kind: .magic) }
        } else if let chain = context.memberChain {
            items = memberNames(of: chain).filter { $0.hasPrefix(context.prefix) }.map {
                CompletionItem(text: $0, kind: .instance)
            }
        } else if context.afterDot {
            // A member of a call's result or an element: finding it would mean running code.
            items = []
        } else if let first = context.prefix.unicodeScalars.first, !(first == "_" || first.properties.isXIDStart) {
            items = []
        } else {
            var named: [CompletionItem] = []
            if context.atArgumentStart, let callee = context.enclosingCall {
                let signature = signature(of: callee)
                named = parameterNames(of: callee).filter { $0.hasPrefix(context.prefix) }.map {
                    CompletionItem(text: $0 + "=", kind: .param, signature: signature)
                }
            }
            let names = Set(bindings.keys).union(library.names).union(Keyword.allCases.map(\.rawValue))
            items = named + names.filter { $0.hasPrefix(context.prefix) }.sorted().map(item(naming:))
        }
        return CompletionResult(items: items, start: context.wordStart, end: context.wordEnd)
    }

    /// A top-level name as a candidate: a binding shadows a builtin, which shadows a keyword.
    private func item(naming name: String) -> CompletionItem {
        switch bindings[name] {
        case .function?, .builtin?: return CompletionItem(text: name, kind: .function, signature: signature(of: name))
        case .some: return CompletionItem(text: name, kind: .instance)
        case nil:
            if library[name] != nil { return CompletionItem(text: name, kind: .function, signature: signature(of: name)) }
            return CompletionItem(text: name, kind: .keyword)
        }
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

    /// The signature of the function `name` names, as `help` shows it; empty for anything else.
    func signature(of name: String) -> String {
        switch bindings[name] {
        case .function(let closure)?: return closure.signature
        case .builtin(let builtin)?: return builtin.signature.text
        case nil: return library[name]?.signature.text ?? ""
        default: return ""
        }
    }
}
