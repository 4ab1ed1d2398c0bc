import SpikeEngine

/// Tensors: `tensor`, `zeros`, `ones`, `randn`, `sum`, `mean`, `max`, `min`, `transpose`,
/// `reshape`, `tolist`, `where`, `any`, `all` (docs/language.md §7). Reductions over all axes
/// give a number.
enum TensorLibrary {
    static func builtins() -> [Builtin] {
        [
            Builtin(
                "tensor", topic: .tensors,
                summary: "A tensor from a number or nested lists of numbers, e.g. tensor([[1, 2], [3, 4]])."
            ) { p in
                let values = p.declare("values", .any, doc: "a number or nested lists of numbers")
                return { arguments, evaluator in
                    .tensor(
                        try TensorConversion.tensor(
                            from: try arguments[values], at: arguments.range(of: values),
                            budget: evaluator.settings.budget, isCancelled: evaluator.cancellation))
                }
            },
            filled("zeros", 0), filled("ones", 1),
            Builtin(
                "randn", topic: .tensors,
                summary: "Standard normal samples of the given shape; seed=none uses the session's seed (%seed, default 0)."
            ) { p in
                let shape = p.declare("shape", .tensorShape, doc: "a list of sizes, or one size")
                let seed = p.declare("seed", .orNone(.nonNegative), doc: "the seed; none: the session's")
                return { arguments, evaluator in
                    let shape = try arguments[shape]
                    let seed = try arguments[seed].map(UInt64.init) ?? evaluator.settings.seed
                    return .tensor(
                        try arguments.engine {
                            try Tensor.randn(shape, seed: seed, budget: evaluator.settings.budget, isCancelled: evaluator.cancellation)
                        })
                }
            },
            reduction(.sum, "The sum over an axis, or of everything (a number) when axis=none."),
            reduction(.mean, "The mean over an axis, or of everything (a number) when axis=none."),
            reduction(.max, "The largest value over an axis, or of everything (a number) when axis=none."),
            reduction(.min, "The smallest value over an axis, or of everything (a number) when axis=none."),
            Builtin("transpose", topic: .tensors, summary: "The tensor with its axes reversed (rows become columns).") { p in
                let x = p.declare("x", .any, doc: tensorDoc)
                return { arguments, evaluator in
                    let tensor = try tensorArgument(arguments, x, evaluator)
                    try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Float>.stride, at: arguments.callRange)
                    return .tensor(try arguments.engine { try tensor.transposed(isCancelled: evaluator.cancellation) })
                }
            },
            Builtin("reshape", topic: .tensors, summary: "The same numbers in a new shape with the same count.") { p in
                let x = p.declare("x", .any, doc: tensorDoc)
                let shape = p.declare("shape", .tensorShape, doc: "the new sizes, with the same product")
                return { arguments, evaluator in
                    let tensor = try tensorArgument(arguments, x, evaluator)
                    let shape = try arguments[shape]
                    return .tensor(try arguments.engine { try tensor.reshaped(shape) })
                }
            },
            Builtin("tolist", topic: .tensors, summary: "The tensor's numbers as nested lists.") { p in
                let x = p.declare("x", .any, doc: tensorDoc)
                return { arguments, evaluator in
                    let tensor = try tensorArgument(arguments, x, evaluator)
                    try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Value>.stride, at: arguments.callRange)
                    return try TensorConversion.list(from: tensor, at: arguments.callRange, isCancelled: evaluator.cancellation)
                }
            },
            selection(), truthTest(any: true), truthTest(any: false)
        ]
    }

    /// `where(cond, a, b)`: NumPy's elementwise choice, the three broadcast to one shape.
    private static func selection() -> Builtin {
        Builtin(
            "where", topic: .tensors,
            summary: "Elementwise a where cond is non-zero, else b, broadcasting the three, e.g. where(x > 0, x, 0)."
        ) { p in
            let condition = p.declare("cond", .any, doc: "a tensor (or lists of numbers): non-zero picks a")
            let a = p.declare("a", .any, doc: "a tensor or a number, taken where cond is non-zero")
            let b = p.declare("b", .any, doc: "a tensor or a number, taken where cond is zero")
            return { arguments, evaluator in
                let (choice, first, second) = (
                    try tensorArgument(arguments, condition, evaluator), try tensorArgument(arguments, a, evaluator),
                    try tensorArgument(arguments, b, evaluator)
                )
                return .tensor(
                    try arguments.engine {
                        try Tensor.selecting(
                            where: choice, first, else: second, budget: evaluator.settings.budget, isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    /// `any(x)` (`any: true`) or `all(x)`: whether some or every element of a tensor is
    /// non-zero, or some or every boolean of a list is true.
    private static func truthTest(any: Bool) -> Builtin {
        let name = any ? "any" : "all"
        let summary =
            any
            ? "True when some element of x is non-zero (a tensor, e.g. any(x > 0.8)) or true (a list of booleans); false when x is empty."
            : "True when every element of x is non-zero (a tensor, e.g. all(x == y)) or true (a list of booleans); true when x is empty."
        return Builtin(name, topic: .tensors, summary: summary) { p in
            let x = p.declare("x", .any, doc: "a tensor, a list of numbers, or a list of booleans")
            return { arguments, evaluator in
                if case .list(let list) = try arguments[x], let first = list.items.first, case .boolean = first {
                    var meter = CancellationMeter(evaluator.cancellation)
                    for item in list.items {
                        guard case .boolean(let flag) = item else {
                            throw Diagnostic(
                                .elementType(context: "\(name)(): 'x'", expected: "booleans only", got: item.typeName),
                                at: arguments.range(of: x))
                        }
                        if flag == any { return .boolean(any) }
                        try meter.advance(at: arguments.callRange)
                    }
                    return .boolean(!any)
                }
                let tensor = try tensorArgument(arguments, x, evaluator)
                return .boolean(
                    try arguments.engine {
                        any
                            ? try tensor.containsNonZero(isCancelled: evaluator.cancellation)
                            : try tensor.isAllNonZero(isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    /// The doc of a tensor argument that lists convert to.
    private static let tensorDoc = "a tensor, or (nested) lists of numbers"

    private static func filled(_ name: String, _ value: Float) -> Builtin {
        Builtin(name, topic: .tensors, summary: "A tensor of the given shape (a list of sizes) filled with \(Int(value))s.") { p in
            let shape = p.declare("shape", .tensorShape, doc: "a list of sizes, or one size")
            return { arguments, evaluator in
                let shape = try arguments[shape]
                return .tensor(
                    try arguments.engine {
                        try Tensor.filled(shape, with: value, budget: evaluator.settings.budget, isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    private static func reduction(_ kind: Tensor.Reduction, _ summary: String) -> Builtin {
        Builtin(kind.rawValue, topic: .tensors, summary: summary) { p in
            let x = p.declare("x", .any, doc: tensorDoc)
            let axis = p.declare("axis", .orNone(.integer), doc: "the axis to reduce (negative counts from the end); none: all")
            return { arguments, evaluator in
                let axis = try arguments[axis]
                // A flat list of numbers reduces exactly, in Float64: max([0.1, 0.2]) is 0.2, not
                // its Float32 neighbour.
                if axis == nil, case .list(let list) = try arguments[x], let numbers = Self.numbers(list.items) {
                    return try exactReduction(kind, numbers, arguments, x)
                }
                let tensor = try tensorArgument(arguments, x, evaluator)
                let result = try arguments.engine { try tensor.reduced(kind, axis: axis, isCancelled: evaluator.cancellation) }
                if axis == nil { return .number(Double(result.scalars.first ?? .nan)) }
                return .tensor(result)
            }
        }
    }

    /// The numbers of a flat list of numbers, or nil when any item is something else.
    private static func numbers(_ items: [Value]) -> [Double]? {
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for item in items {
            guard case .number(let number) = item else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// `kind` of `numbers` in Float64 (sums in order, as Python's `sum`).
    private static func exactReduction(
        _ kind: Tensor.Reduction, _ numbers: [Double], _ arguments: Arguments,
        _ x: Param<Value>
    ) throws -> Value {
        switch kind {
        case .sum: return .number(numbers.reduce(0, +))
        case .mean:
            guard !numbers.isEmpty else { throw arguments.invalid(x, "is empty: the mean of no numbers is undefined") }
            return .number(numbers.reduce(0, +) / Double(numbers.count))
        case .max, .min:
            guard let first = numbers.first else { throw arguments.invalid(x, "is empty: \(kind.rawValue) of no numbers is undefined") }
            return .number(numbers.dropFirst().reduce(first) { kind == .max ? Swift.max($0, $1) : Swift.min($0, $1) })
        }
    }

    /// A tensor argument; a list of numbers (or nested lists) is converted.
    static func tensorArgument(_ arguments: Arguments, _ param: Param<Value>, _ evaluator: Evaluator) throws -> Tensor {
        let value = try arguments[param]
        switch value {
        case .tensor(let tensor): return tensor
        case .list, .number:
            return try TensorConversion.tensor(
                from: value, at: arguments.range(of: param), budget: evaluator.settings.budget,
                isCancelled: evaluator.cancellation)
        default: throw arguments.mismatch(param, expected: "a tensor or a list of numbers")
        }
    }
}

extension ArgumentKind where T == [Int] {
    /// A shape: a list of non-negative integers, or one integer for a vector.
    static var tensorShape: ArgumentKind<[Int]> {
        ArgumentKind(
            read: { value, site in
                let items: [Value]
                switch value {
                case .list(let list): items = list.items
                case .number: items = [value]
                default: throw site.mismatch(value, expected: "a list of sizes such as [2, 3]")
                }
                return try items.map { item in
                    guard case .number(let number) = item else {
                        throw Diagnostic(
                            .elementType(context: "'\(site.parameter)'", expected: "sizes (numbers)", got: item.typeName),
                            at: site.range)
                    }
                    let size = try Integers.exact(number, what: "a size in '\(site.parameter)'", at: site.range)
                    guard size >= 0 else { throw site.invalid("must not contain a negative size (\(size))") }
                    return size
                }
            }, encode: { .list(ValueList($0.map { .number(Double($0)) })) })
    }
}
