import SpikeEngine

/// Functions over sequences: `map`, `filter`, `sorted`, `zip`, `enumerate` (docs/language.md §3).
///
/// Each takes what `for` iterates — a list, a range, a string (characters), a tensor (rows)
/// or a record (field names) — and any function as its function argument: one defined with
/// `fn`, an anonymous `fn(x) = …`, or a builtin such as `str`. They poll interrupts as `for`
/// does and build their lists within the memory budget.
enum FunctionalLibrary {
    static func builtins() -> [Builtin] {
        [map(), filter(), sorted(), zip(), enumerate()]
    }

    private static let sequenceDoc = "a list, range, string, tensor (rows) or record (field names)"

    private static func map() -> Builtin {
        collecting(
            "map", summary: "The list of f(x) for each item x of xs, in order.",
            functionDoc: "a function of one argument (fn, fn(x) = …, or a builtin)"
        ) { _, result, _ in result }
    }

    private static func filter() -> Builtin {
        collecting(
            "filter", summary: "The items x of xs for which f(x) is true, in order.",
            functionDoc: "a function of one argument that returns a boolean"
        ) { item, verdict, site in
            guard case .boolean(let keep) = verdict else {
                throw Diagnostic(
                    .wrongKind(what: "filter(): what 'f' returns", expected: "a boolean", got: verdict.typeName), at: site.range)
            }
            return keep ? item : nil
        }
    }

    /// A builtin `name(f, xs)` that calls `f` on each item `for` visits in `xs`, in order, and
    /// lists what `pick` makes of each item and `f`'s result (nothing when it answers nil).
    /// `pick` blames a bad result on `f`'s argument site.
    private static func collecting(
        _ name: String, summary: String, functionDoc: String,
        pick: @escaping (_ item: Value, _ result: Value, _ site: ArgumentSite) throws -> Value?
    ) -> Builtin {
        Builtin(name, topic: .core, summary: summary) { p in
            let f = p.declare("f", .function, doc: functionDoc)
            let xs = p.declare("xs", .any, doc: sequenceDoc)
            return { arguments, evaluator in
                let function = try arguments[f]
                var builder = ListBuilder()
                try evaluator.forEach(in: try arguments[xs], at: arguments.range(of: xs)) { item in
                    let result = try evaluator.call(
                        function, positional: [(item, arguments.range(of: xs))], named: [], at: arguments.callRange)
                    if let picked = try pick(item, result, arguments.site(f)) {
                        try builder.append(picked, evaluator, at: arguments.callRange)
                    }
                }
                return .list(builder.items)
            }
        }
    }

    private static func sorted() -> Builtin {
        Builtin(
            "sorted", topic: .core,
            summary:
                "The items of xs in ascending order (numbers, or strings), as a new list; stable: equal items keep their order."
        ) { p in
            let xs = p.declare("xs", .any, doc: sequenceDoc)
            let key = p.declare(
                "key", .orNone(.function),
                doc: "a function of one item giving what to compare (a number or string); none compares the items")
            let reverse = p.declare("reverse", .boolean, default: false, doc: "largest first (equal items still keep their order)")
            return { arguments, evaluator in
                let items = try collect(try arguments[xs], at: arguments.range(of: xs), evaluator)
                try evaluator.checkBudget(count: items.count, bytesEach: 2 * MemoryLayout<Value>.stride + 8, at: arguments.callRange)
                var keys = items
                let keyFunction = try arguments[key]
                if let keyFunction {
                    keys = try items.map { item in
                        try evaluator.call(
                            keyFunction, positional: [(item, arguments.range(of: xs))], named: [], at: arguments.callRange)
                    }
                }
                let order = try SortOrder(
                    keys, reverse: try arguments[reverse], evaluator: evaluator,
                    blame: keyFunction == nil ? arguments.site(xs) : arguments.site(key))
                return .list(order.indices.map { items[$0] })
            }
        }
    }

    private static func zip() -> Builtin {
        Builtin(
            "zip", topic: .core,
            summary: "The list of [a[i], b[i], …] for each position i that every sequence has (the shortest sets the length)."
        ) { p in
            let sequences = p.rest("sequences", doc: "lists, ranges, strings, tensors or records")
            return { arguments, evaluator in
                let values = try arguments[sequences]
                let counts = try values.map { try count(of: $0, at: arguments.callRange, evaluator) }
                guard let length = counts.min() else { return .list([]) }
                let stride = MemoryLayout<Value>.stride
                try evaluator.checkBudget(count: length, bytesEach: (2 * values.count + 4) * stride, at: arguments.callRange)
                let columns = try values.map { try collect($0, at: arguments.callRange, evaluator, upTo: length) }
                var meter = CancellationMeter(evaluator.cancellation)
                return .list(
                    try (0..<length).map { row in
                        try meter.advance(at: arguments.callRange)
                        return .list(columns.map { $0[row] })
                    })
            }
        }
    }

    private static func enumerate() -> Builtin {
        Builtin("enumerate", topic: .core, summary: "The list of [i, x] for each item x of xs, i counting from start.") { p in
            let xs = p.declare("xs", .any, doc: sequenceDoc)
            let start = p.declare("start", .integer, default: 0, doc: "the first index")
            return { arguments, evaluator in
                var index = try arguments[start]
                // Each item is a list of two: about four values' worth of memory.
                var builder = ListBuilder(bytesEach: 4 * MemoryLayout<Value>.stride)
                try evaluator.forEach(in: try arguments[xs], at: arguments.range(of: xs)) { item in
                    try builder.append(.list([.number(Double(index)), item]), evaluator, at: arguments.callRange)
                    index += 1
                }
                return .list(builder.items)
            }
        }
    }

    /// The items `for` would visit in `value` (at most `limit`), as an array; a list's own
    /// items when it is one and fits.
    private static func collect(
        _ value: Value, at range: SourceRange, _ evaluator: Evaluator, upTo limit: Int = .max
    ) throws -> [Value] {
        if case .list(let list) = value, list.count <= limit { return list.items }
        var builder = ListBuilder()
        do {
            try evaluator.forEach(in: value, at: range) { item in
                guard builder.items.count < limit else { throw Enough() }
                try builder.append(item, evaluator, at: range)
            }
        } catch is Enough {}
        return builder.items
    }

    /// Ends `collect`'s walk once it has the items it needs.
    private struct Enough: Error {}

    /// How many items `for` would visit in `value`, without visiting them (a string's
    /// characters are counted, polling interrupts).
    private static func count(of value: Value, at range: SourceRange, _ evaluator: Evaluator) throws -> Int {
        switch value {
        case .list(let list): return list.count
        case .range(let integers): return integers.count
        case .record(let record): return record.fields.count
        case .tensor(let tensor) where tensor.rank > 0: return tensor.shape[0]
        case .string(let string): return try evaluator.characterCount(of: string, at: range)
        default: throw Diagnostic(.notIterable(value.typeName), at: range)
        }
    }
}

extension ArgumentKind where T == Value {
    /// A function to call: a user function (named or anonymous) or a builtin.
    static var function: ArgumentKind<Value> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .function, .builtin: return value
                default: throw site.mismatch(value, expected: "a function")
                }
            }, encode: { $0 })
    }
}
