/// Shift-Tab: the help text of the name under the cursor, or else of the innermost call the
/// cursor is in (so `lif(ta|` shows `lif`'s signature, defaults and summary).
struct Inspector {
    let session: Session

    func inspect(_ code: String, cursor: Int) -> String? {
        let scalars = Array(code.unicodeScalars)
        let clamped = min(max(cursor, 0), scalars.count)
        var end = clamped
        while end < scalars.count, scalars[end] == "_" || scalars[end].properties.isXIDContinue { end += 1 }
        let context = CursorContext(code: code, cursor: end)
        if context.memberChain == nil, !context.prefix.isEmpty, let text = knownHelp(context.prefix) {
            return text
        }
        return context.enclosingCall.flatMap(knownHelp)
    }

    private func knownHelp(_ name: String) -> String? {
        guard session.bindings[name] != nil || session.library[name] != nil else { return KeywordHelp.text(for: name) }
        return session.helpPage(for: name)
    }
}
