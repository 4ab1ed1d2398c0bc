import JupyterWire
import SpikeLang

/// The editor requests: completion, hover, signature help, go to definition and document
/// symbols. Each reads the document as it stands; none runs user code.
extension LanguageServer {
    /// LSP `CompletionItemKind` values used here.
    enum CompletionKind: Int {
        case function = 3
        case field = 5
        case variable = 6
        case property = 10
        case keyword = 14
    }

    /// The answer to a request method, or nil when the method is unknown.
    func request(_ method: String, params: JSONValue) -> JSONValue? {
        switch method {
        case "textDocument/completion": return cursor(params).map(completion) ?? .null
        case "textDocument/hover": return cursor(params).map(hover) ?? .null
        case "textDocument/signatureHelp": return cursor(params).map(signatureHelp) ?? .null
        case "textDocument/definition": return cursor(params).map(definition) ?? .null
        case "textDocument/semanticTokens/full":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else { return .null }
            return ["data": .array(semanticTokens(document).map(JSONValue.int))]
        case "textDocument/documentSymbol":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else { return .null }
            return documentSymbols(uri: uri, document: document)
        default: return nil
        }
    }

    /// An open document and a code-point offset into it.
    struct Cursor {
        var uri: String
        var document: TextDocument
        var offset: Int
    }

    private func cursor(_ params: JSONValue) -> Cursor? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri],
            let position = position(params["position"])
        else { return nil }
        return Cursor(uri: uri, document: document, offset: document.offset(of: position, encoding: encoding))
    }

    private func completion(_ cursor: Cursor) -> JSONValue {
        let result = session.complete(cursor.document.text, cursor: cursor.offset)
        let symbols = session.symbols(in: cursor.document.text)
        let prefix = String(String.UnicodeScalarView(cursor.document.scalars[result.start..<result.end]))
        let call = session.enclosingCall(in: cursor.document.text, cursor: cursor.offset)
        let keywords = Set(Session.keywords)
        var signatures: [String: String] = [:]
        for symbol in symbols { signatures[symbol.name] = symbol.signature }
        var items: [JSONValue] = []
        var seen = Set<String>()
        func add(_ label: String, _ kind: CompletionKind, _ detail: String?) {
            guard seen.insert(label).inserted else { return }
            var item: [String: JSONValue] = ["label": .string(label), "kind": .int(kind.rawValue)]
            item["detail"] = detail.map(JSONValue.string)
            items.append(.object(item))
        }
        let afterDot = result.start > 0 && cursor.document.scalars[result.start - 1] == "."
        for match in result.matches {
            if match.hasSuffix("=") {
                add(match, .property, call.flatMap { session.builtinSignature($0.name)?.text ?? signatures[$0.name] })
            } else if afterDot {
                add(match, .field, nil)
            } else if keywords.contains(match) {
                add(match, .keyword, nil)
            } else if let signature = session.builtinSignature(match) {
                add(match, .function, signature.text)
            } else {
                add(match, .variable, nil)
            }
        }
        if afterDot, let owner = recordName(before: result.start, in: cursor.document.scalars),
            let fields = symbols.last(where: { $0.name == owner })?.fields
        {
            for field in fields where field.hasPrefix(prefix) { add(field, .field, nil) }
        }
        if !afterDot, !result.matches.isEmpty || !prefix.isEmpty {
            for symbol in symbols where symbol.name.hasPrefix(prefix) {
                add(symbol.name, symbol.signature == nil ? .variable : .function, symbol.signature)
            }
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    private func hover(_ cursor: Cursor) -> JSONValue {
        let word = self.word(at: cursor)
        let text: String?
        if let word, let symbol = session.symbols(in: cursor.document.text).last(where: { $0.name == word.name }) {
            text = symbol.signature ?? "\(symbol.name): bound at line \(symbol.range.start.line)"
        } else {
            text = session.inspect(cursor.document.text, cursor: cursor.offset)
        }
        guard let text else { return .null }
        return ["contents": ["kind": "markdown", "value": .string("```\n\(text)\n```")]]
    }

    private func signatureHelp(_ cursor: Cursor) -> JSONValue {
        guard let call = session.enclosingCall(in: cursor.document.text, cursor: cursor.offset) else { return .null }
        let label: String
        let parameters: [String]
        if let builtin = session.builtinSignature(call.name) {
            (label, parameters) = builtin
        } else if let symbol = session.symbols(in: cursor.document.text).last(where: { $0.name == call.name }),
            let signature = symbol.signature
        {
            label = signature
            let inner = signature.drop(while: { $0 != "(" }).dropFirst().dropLast()
            parameters = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            return .null
        }
        return [
            "signatures": [["label": .string(label), "parameters": .array(parameters.map { ["label": .string($0)] })]],
            "activeSignature": 0,
            "activeParameter": .int(min(call.argument, max(parameters.count - 1, 0)))
        ]
    }

    private func definition(_ cursor: Cursor) -> JSONValue {
        guard let word = word(at: cursor) else { return .null }
        let symbols = session.symbols(in: cursor.document.text).filter { $0.name == word.name }
        let here = cursor.document.position(ofOffset: cursor.offset, encoding: encoding)
        let before = symbols.last {
            let start = cursor.document.position(of: $0.range.start, encoding: encoding)
            return (start.line, start.character) <= (here.line, here.character)
        }
        guard let symbol = before ?? symbols.first else { return .null }
        return ["uri": .string(cursor.uri), "range": range(symbol.range, in: cursor.document)]
    }

    private func documentSymbols(uri: String, document: TextDocument) -> JSONValue {
        .array(
            session.symbols(in: document.text).map { symbol in
                [
                    "name": .string(symbol.name),
                    "detail": symbol.signature.map(JSONValue.string) ?? "",
                    "kind": symbol.signature == nil ? 13 : 12,
                    "range": range(symbol.statementRange.through(symbol.range), in: document),
                    "selectionRange": range(symbol.range, in: document)
                ]
            })
    }

    /// The token types `semanticTokens` numbers, in the order of `Highlighting.Kind`.
    static var semanticTokenLegend: JSONValue {
        ["tokenTypes": .array(Highlighting.Kind.allCases.map { .string($0.name) }), "tokenModifiers": []]
    }

    /// LSP's relative encoding: per token, line delta, start delta (from the previous token's
    /// start on the same line), length, type, modifiers; lengths in the negotiated units.
    func semanticTokens(_ document: TextDocument) -> [Int] {
        var data: [Int] = []
        var previous = Position(line: 0, character: 0)
        for highlight in Highlighting.of(document.text) {
            let start = document.position(of: highlight.range.start, encoding: encoding)
            let end = document.position(of: highlight.range.end, encoding: encoding)
            guard end.character > start.character else { continue }
            let deltaLine = start.line - previous.line
            data += [
                deltaLine, deltaLine == 0 ? start.character - previous.character : start.character,
                end.character - start.character, highlight.kind.rawValue, 0
            ]
            previous = start
        }
        return data
    }

    /// The plain name directly before the `.` that ends just before `start` (`rates.` → "rates"),
    /// or nil when something else (a call, an index, a chain) stands there.
    private func recordName(before start: Int, in scalars: [Unicode.Scalar]) -> String? {
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isXIDContinue }
        let end = start - 1
        var begin = end
        while begin > 0, isWord(scalars[begin - 1]) { begin -= 1 }
        guard begin < end, begin == 0 || scalars[begin - 1] != "." else { return nil }
        return String(String.UnicodeScalarView(scalars[begin..<end]))
    }

    /// The identifier around the cursor, if any.
    private func word(at cursor: Cursor) -> (name: String, start: Int)? {
        let scalars = cursor.document.scalars
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isXIDContinue }
        var start = min(cursor.offset, scalars.count)
        var end = start
        while start > 0, isWord(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, isWord(scalars[end]) { end += 1 }
        guard start < end, scalars[start] == "_" || scalars[start].properties.isXIDStart else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<end])), start)
    }
}

extension SourceRange {
    /// The smallest range covering both.
    fileprivate func through(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }
}
