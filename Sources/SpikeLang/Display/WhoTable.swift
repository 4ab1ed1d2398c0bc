/// `%who`: the session's bindings as a table of name, kind and value.
enum WhoTable {
    static func rendering(of bindings: [String: Value]) -> Rendering {
        guard !bindings.isEmpty else { return Rendering(plain: "No bindings.") }
        let rows = bindings.keys.sorted().map { name -> [String] in
            let value = bindings[name] ?? .none
            return [name, value.typeName, Preview.short(ValueText.text(of: value))]
        }
        return TextTable(header: ["name", "kind", "value"], rows: rows).rendering
    }
}
