/// The fixed text forms of docs/language.md §4.
enum ValueText {
    /// Integral numbers within ±1e15 print without a decimal point (`3`); others in their
    /// shortest round-trip form (`0.1`, `2.5e-05`, `1e+16`, `inf`, `nan`).
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) <= 1e15 {
            return String(Int(value))
        }
        return "\(value)"
    }

    /// A string as a result shows it: quoted, with `"`, `\`, newline, tab and other control
    /// characters escaped so the text reads back as the same string.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// Containers nested deeper than this print as `[…]` / `{…}`, so a pathological value
    /// (`x = [x]` in a long loop) cannot exhaust the stack when shown.
    static let depthLimit = 100

    /// The most characters of a value's text a result display or `%help` shows; the rest
    /// is cut to `…`. Without it, showing `list(range(4e7))` built a second copy of the list
    /// as text (and a value that shares one list many times over can print exponentially long).
    static let displayLimit = 100_000

    /// The text form of a value; strings at top level are bare when `quotingStrings` is false
    /// (as `print` writes them), and always quoted inside lists and records. Past `limit`
    /// characters the text stops inside the container it was writing and ends in `…`; the
    /// cost is O(limit), not O(size of the value).
    static func text(of value: Value, quotingStrings: Bool = true, limit: Int = .max) -> String {
        var writer = Writer(limit: limit)
        writer.write(value, quotingStrings: quotingStrings, depth: 0)
        return writer.isFull && writer.hasMore ? writer.text + "…" : writer.text
    }

    /// `f(a, b=2)`: a function's name and parameters, defaults in their text form.
    static func signature(of closure: Closure) -> String {
        var writer = Writer(limit: .max)
        writer.writeSignature(of: closure, depth: 0)
        return writer.text
    }

    /// Accumulates a value's text up to a limit.
    private struct Writer {
        var text = ""
        let limit: Int
        /// Set when something was left unwritten because the text was full.
        var hasMore = false

        var isFull: Bool { text.utf8.count >= limit }

        mutating func write(_ value: Value, quotingStrings: Bool, depth: Int) {
            guard !isFull else {
                hasMore = true
                return
            }
            switch value {
            case .list(let items):
                guard depth < depthLimit else {
                    text += "[…]"
                    return
                }
                text += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { text += ", " }
                    write(item, quotingStrings: true, depth: depth + 1)
                    if isFull, index < items.count - 1 {
                        hasMore = true
                        return
                    }
                }
                text += "]"
            case .record(let record):
                guard depth < depthLimit else {
                    text += "{…}"
                    return
                }
                text += "{"
                for (index, field) in record.fields.enumerated() {
                    if index > 0 { text += ", " }
                    text += fieldName(field.name) + ": "
                    write(field.value, quotingStrings: true, depth: depth + 1)
                    if isFull, index < record.fields.count - 1 {
                        hasMore = true
                        return
                    }
                }
                text += "}"
            case .function(let closure):
                text += "<fn "
                writeSignature(of: closure, depth: depth)
                text += ">"
            default:
                text += ValueText.leafText(of: value, quotingStrings: quotingStrings)
            }
        }

        /// `f(a, b=2)`; defaults count as one level deeper, so a default that holds the
        /// previous definition of the function (`fn g(p=g)` in a loop) cannot recurse unbounded.
        mutating func writeSignature(of closure: Closure, depth: Int) {
            text += closure.name + "("
            guard depth < depthLimit else {
                text += "…)"
                return
            }
            for (index, (parameter, value)) in zip(closure.declaration.parameters, closure.defaults).enumerated() {
                if index > 0 { text += ", " }
                text += parameter.name
                if let value {
                    text += "="
                    write(value, quotingStrings: true, depth: depth + 1)
                }
            }
            text += ")"
        }
    }

    /// The text of a value that is not a list or record.
    private static func leafText(of value: Value, quotingStrings: Bool) -> String {
        switch value {
        case .number(let number): return self.number(number)
        case .string(let string): return quotingStrings ? quoted(string) : string
        case .boolean(let boolean): return boolean ? "true" : "false"
        case .none: return "none"
        case .list, .record, .function: return text(of: value)
        case .range(let range): return "\(range.lower)..\(range.upper)"
        case .builtin(let builtin): return "<builtin \(builtin.signature.text)>"
        case .neuron(let neuron): return EngineText.neuron(neuron)
        case .surrogate(let surrogate): return EngineText.surrogate(surrogate)
        case .encoding(let encoding): return EngineText.encoding(encoding)
        case .tensor(let tensor): return EngineText.tensor(tensor)
        case .blueprint(let blueprint): return BlueprintText.text(of: blueprint)
        case .trace(let trace): return EngineText.trace(trace)
        case .figure(let figure): return figure.description
        case .table(let table): return table.text()
        case .data(let data): return DatasetView.text(of: data)
        case .model(let value): return ModelValueView.text(of: value)
        }
    }

    /// A field name bare when it is an identifier or keyword, quoted otherwise.
    static func fieldName(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, first == "_" || first.properties.isXIDStart,
              scalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue })
        else { return quoted(name) }
        return name
    }
}
