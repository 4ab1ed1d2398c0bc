/// Questions about a script's text that the command line asks before running it.
public enum ScriptText {
    /// True when `text` is a name a script can bind: an identifier that is not a keyword.
    public static func isName(_ text: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(text)
        guard diagnostics.isEmpty, tokens.count == 2, case .identifier(let name) = tokens[0].kind, name == text else {
            return false
        }
        return tokens[1].kind == .endOfInput
    }

    /// Every identifier written in `source` (names read or bound, fields, keyword arguments),
    /// found by the lexer alone: a name missing from it cannot be read by the script.
    /// Cost: O(length of the source).
    public static func identifiers(in source: String) -> Set<String> {
        var names = Set<String>()
        for token in Lexer.tokenize(source).tokens {
            if case .identifier(let name) = token.kind { names.insert(name) }
        }
        return names
    }
}
