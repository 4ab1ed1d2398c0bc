import SpikePlot

/// `%who`: the session's bindings as a table of name, kind and value (text and HTML).
enum WhoTable {
    static func rendering(of bindings: [String: Value]) -> Rendering {
        guard !bindings.isEmpty else { return Rendering(plain: "No bindings.") }
        let rows = bindings.keys.sorted().map { name -> [Table.Cell] in
            let value = bindings[name] ?? Value.none
            return [.text(name), .text(value.typeName), .text(Preview.short(ValueText.text(of: value, limit: 200)))]
        }
        let table = Table(columns: ["name", "kind", "value"], rows: rows)
        return Rendering(plain: table.text(), html: table.html())
    }
}
