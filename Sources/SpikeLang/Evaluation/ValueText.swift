import SpikeEngine

/// The fixed text forms of docs/language.md §4.
enum ValueText {
    /// Integral numbers within ±1e15 print without a decimal point (`3`); others in their
    /// shortest round-trip form (`0.1`, `2.5e-05`, `1e+16`, `inf`, `nan`).
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) <= 1e15 {
            return String(Int(value))
        }
        // Swift writes a NaN with its sign bit as "-nan"; a NaN has no sign to speak of.
        if value.isNaN { return "nan" }
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
    /// bytes the text stops inside the container (or string) it was writing and ends in `…`;
    /// the cost is O(limit), not O(size of the value).
    static func text(of value: Value, quotingStrings: Bool = true, limit: Int = .max) -> String {
        var writer = Writer(limit: limit, counting: false)
        writer.write(value, quotingStrings: quotingStrings, depth: 0)
        return writer.isFull && writer.hasMore ? writer.text + "…" : writer.text
    }

    /// The UTF-8 size of `text(of: value, quotingStrings:)`, counted without building it:
    /// exact up to `cap` bytes; past `cap` the count stops and the rest is extrapolated from
    /// the part counted (each container's unvisited items sized like its visited ones), so
    /// the answer is then an estimate above `cap`. Cost: O(min(size, cap)) — a value that
    /// shares one list 2⁶⁰ times over is measured as fast as one that holds `cap` bytes.
    ///
    ///     ValueText.size(of: .list([1, 22, 333]), cap: 100)   // 13, "[1, 22, 333]" + none cut
    static func size(of value: Value, quotingStrings: Bool = true, cap: Int) -> Int {
        var writer = Writer(limit: cap, counting: true)
        writer.write(value, quotingStrings: quotingStrings, depth: 0)
        return writer.total
    }

    /// Bytes `print` peaks at for each byte of the text it writes: the text, the stream
    /// message that carries it and that message encoded as JSON. Measured as the peak resident
    /// size of `print(s)` for a 134 MB string under `spike stdio` (+460 MB) and of
    /// `print(list(range(1e7)))` (89 MB of text, +388 MB).
    static let printedBytesPerByte = 5

    /// The text of `values` as `print` and `str` write them (strings bare), separated by
    /// `separator`, then `terminator`; built only after `bytesPerByte` × its size is checked
    /// against `budget`. The size is counted first (`size(of:cap:)`, O(budget) at worst), so
    /// `str` of a list of 10⁷ long strings fails with `EngineError.resource` before building
    /// any of it, and the text then grows in one buffer of its exact size. Counting and
    /// writing poll `isCancelled` every `cancellationChunk` values or bytes and throw
    /// `EngineError.interrupted` when it says so (`str` of a list of 10⁷ items takes seconds).
    static func text(
        of values: [Value], separator: String = " ", terminator: String = "", budget: MemoryBudget,
        bytesPerByte: Int = 1, isCancelled: CancellationCheck? = nil
    ) throws -> String {
        func measure(cap: Int) throws -> Int {
            var size = terminator.utf8.count + separator.utf8.count * max(0, values.count - 1)
            for value in values where size <= cap {
                var writer = Writer(limit: cap - size, counting: true, isCancelled: isCancelled)
                writer.write(value, quotingStrings: false, depth: 0)
                try writer.checkInterrupted()
                size = sum(size, writer.total)
            }
            return size
        }
        let perByte = max(1, bytesPerByte)
        // Counted first up to what needs no look at the system's limits (a `print` in a loop
        // must not read /proc each time); only a larger text is counted up to the budget.
        let small = MemoryBudget.liveCheckThreshold / perByte
        var size = try measure(cap: small)
        if size > small { size = try measure(cap: budget.limit(for: .max) / perByte + 1) }
        try budget.check(count: size, bytesEach: perByte)
        var writer = Writer(limit: .max, counting: false, isCancelled: isCancelled)
        writer.text.reserveCapacity(size)
        for (index, value) in values.enumerated() {
            if index > 0 { writer.append(separator) }
            writer.write(value, quotingStrings: false, depth: 0)
            try writer.checkInterrupted()
        }
        writer.append(terminator)
        return writer.text
    }

    /// `f(a, b=2)`: a function's name and parameters, defaults in their text form.
    static func signature(of closure: Closure) -> String {
        var writer = Writer(limit: .max, counting: false)
        writer.writeSignature(of: closure, depth: 0)
        return writer.text
    }

    /// Accumulates a value's text up to a limit, or (`counting`) only its size. With a
    /// cancellation check it polls every `cancellationChunk` values or string bytes, and an
    /// interrupt stops it as if the text were full (`checkInterrupted()` then throws).
    private struct Writer {
        var text = ""
        /// UTF-8 bytes written (or counted) so far.
        var count = 0
        let limit: Int
        /// Whether only `count` is kept (no text is built).
        let counting: Bool
        /// Set when something was left unwritten because the text was full.
        var hasMore = false
        /// The estimated bytes of what was left unwritten (see `size(of:cap:)`).
        var unwritten = 0
        /// Polls the interrupt flag as values and string bytes go by.
        private var meter: CancellationMeter
        /// Set when a poll saw the interrupt flag; the writer then stops.
        private var isInterrupted = false

        init(limit: Int, counting: Bool, isCancelled: CancellationCheck? = nil) {
            self.limit = limit
            self.counting = counting
            meter = CancellationMeter(isCancelled)
        }

        var isFull: Bool { count >= limit || isInterrupted }

        /// Throws `EngineError.interrupted` if a poll saw the interrupt flag.
        func checkInterrupted() throws {
            if isInterrupted { throw EngineError.interrupted }
        }

        /// Counts `units` values or bytes handled, polling once a chunk's worth has gathered.
        private mutating func advance(by units: Int) {
            do {
                try meter.advance(by: units)
            } catch {
                isInterrupted = true
            }
        }

        /// What was written and what was estimated for the rest.
        var total: Int { ValueText.sum(count, unwritten) }

        mutating func append(_ piece: String) {
            count += piece.utf8.count
            if !counting { text += piece }
        }

        mutating func write(_ value: Value, quotingStrings: Bool, depth: Int) {
            guard !isFull else {
                hasMore = true
                return
            }
            advance(by: 1)
            switch value {
            case .list(let items):
                guard depth < depthLimit else { return append("[…]") }
                append("[")
                writeItems(items.count) { writer, index in writer.write(items[index], quotingStrings: true, depth: depth + 1) }
                append("]")
            case .record(let record):
                guard depth < depthLimit else { return append("{…}") }
                append("{")
                let fields = record.fields
                writeItems(fields.count) { writer, index in
                    writer.append(fieldName(fields[index].name) + ": ")
                    writer.write(fields[index].value, quotingStrings: true, depth: depth + 1)
                }
                append("}")
            case .function(let closure):
                append(closure.isAnonymous ? "<" : "<fn ")
                writeSignature(of: closure, depth: depth)
                append(">")
            case .string(let string):
                writeString(string, quoted: quotingStrings)
            default:
                append(ValueText.leafText(of: value, quotingStrings: quotingStrings))
            }
        }

        /// `count` items separated by ", "; when the text fills up before the last one, the
        /// rest is left out and its size estimated from the items written.
        private mutating func writeItems(_ count: Int, item: (inout Writer, Int) -> Void) {
            let start = total
            for index in 0..<count {
                if index > 0 { append(", ") }
                item(&self, index)
                if isFull, index < count - 1 {
                    hasMore = true
                    let done = index + 1
                    let (rest, overflow) = (total - start).multipliedReportingOverflow(by: count - done)
                    unwritten = ValueText.sum(unwritten, overflow ? .max : rest / done)
                    return
                }
            }
        }

        /// A string, quoted or bare; one longer than the room left is cut there (a display
        /// of a 1 GB string shows its first `limit` bytes, not a quoted copy of all of it).
        private mutating func writeString(_ string: String, quoted isQuoted: Bool) {
            advance(by: string.utf8.count)
            if counting {
                count += isQuoted ? quotedSize(of: string) : string.utf8.count
                return
            }
            let room = limit - count
            guard string.utf8.count > room else { return append(isQuoted ? quoted(string) : string) }
            if isQuoted {
                var width = 1
                let head = string.unicodeScalars.prefix { scalar in
                    width += ValueText.quotedWidth(of: scalar)
                    return width <= room
                }
                append(String(quoted(String(head)).dropLast()))
            } else {
                append(String(string.utf8.prefix(room)) ?? String(string.unicodeScalars.prefix(room)))
            }
            hasMore = true
            count = max(count, limit)
        }

        /// `f(a, b=2)`; defaults count as one level deeper, so a default that holds the
        /// previous definition of the function (`fn g(p=g)` in a loop) cannot recurse unbounded.
        mutating func writeSignature(of closure: Closure, depth: Int) {
            append(closure.name + "(")
            guard depth < depthLimit else { return append("…)") }
            for (index, (parameter, value)) in zip(closure.declaration.parameters, closure.defaults).enumerated() {
                if index > 0 { append(", ") }
                append(parameter.name)
                if let value {
                    append("=")
                    write(value, quotingStrings: true, depth: depth + 1)
                }
            }
            append(")")
        }
    }

    /// `a + b` for sizes, `Int.max` when it overflows.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : total
    }

    /// The UTF-8 size of `quoted(string)`, without building it. Cost: O(length).
    static func quotedSize(of string: String) -> Int {
        string.unicodeScalars.reduce(2) { $0 + quotedWidth(of: $1) }
    }

    /// The UTF-8 bytes `quoted` writes for one scalar (2 for `\n`, 6 for `\u{1b}`).
    private static func quotedWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "\"", "\\", "\n", "\t": return 2
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F { return 4 + String(scalar.value, radix: 16).utf8.count }
            return UTF8.width(scalar)
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
        case .markdown(let text): return text
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
