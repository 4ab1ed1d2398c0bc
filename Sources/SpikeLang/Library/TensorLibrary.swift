import SpikeEngine

/// Tensors: `tensor`, `zeros`, `ones`, `randn`, `sum`, `mean`, `max`, `min`, `transpose`,
/// `reshape`, `tolist` (docs/language.md §7). Reductions over all axes give a number.
enum TensorLibrary {
    static func builtins() -> [Builtin] {
        [
            Builtin(Signature("tensor", [required("values")]), topic: .tensors,
                    summary: "A tensor from a number or nested lists of numbers, e.g. tensor([[1, 2], [3, 4]]).") { arguments, evaluator in
                .tensor(try TensorConversion.tensor(from: arguments.value("values"), at: arguments.range(of: "values"),
                                                    budget: evaluator.settings.budget, isCancelled: evaluator.cancellation))
            },
            filled("zeros", 0), filled("ones", 1),
            Builtin(Signature("randn", [required("shape"), optional("seed", .none)]), topic: .tensors,
                    summary: "Standard normal samples of the given shape; seed=none uses the session's seed (%seed, default 0).") { arguments, evaluator in
                let shape = try shapeArgument(arguments, "shape")
                let seed: UInt64
                if arguments.value("seed").isNone {
                    seed = evaluator.settings.seed
                } else {
                    let given = try arguments.integer("seed")
                    guard given >= 0 else { throw arguments.invalid("seed", "must not be negative") }
                    seed = UInt64(given)
                }
                return .tensor(try arguments.engine { try Tensor.randn(shape, seed: seed, budget: evaluator.settings.budget,
                                                                         isCancelled: evaluator.cancellation) })
            },
            reduction(.sum, "The sum over an axis, or of everything (a number) when axis=none."),
            reduction(.mean, "The mean over an axis, or of everything (a number) when axis=none."),
            reduction(.max, "The largest value over an axis, or of everything (a number) when axis=none."),
            reduction(.min, "The smallest value over an axis, or of everything (a number) when axis=none."),
            Builtin(Signature("transpose", [required("x")]), topic: .tensors,
                    summary: "The tensor with its axes reversed (rows become columns).") { arguments, evaluator in
                let tensor = try tensorArgument(arguments, "x", evaluator)
                try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Float>.stride, at: arguments.callRange)
                return .tensor(try arguments.engine { try tensor.transposed(isCancelled: evaluator.cancellation) })
            },
            Builtin(Signature("reshape", [required("x"), required("shape")]), topic: .tensors,
                    summary: "The same numbers in a new shape with the same count.") { arguments, evaluator in
                let tensor = try tensorArgument(arguments, "x", evaluator)
                let shape = try shapeArgument(arguments, "shape")
                return .tensor(try arguments.engine { try tensor.reshaped(shape) })
            },
            Builtin(Signature("tolist", [required("x")]), topic: .tensors,
                    summary: "The tensor's numbers as nested lists.") { arguments, evaluator in
                let tensor = try tensorArgument(arguments, "x", evaluator)
                try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Value>.stride, at: arguments.callRange)
                return try TensorConversion.list(from: tensor, at: arguments.callRange, isCancelled: evaluator.cancellation)
            },
        ]
    }

    private static func filled(_ name: String, _ value: Float) -> Builtin {
        Builtin(Signature(name, [required("shape")]), topic: .tensors,
                summary: "A tensor of the given shape (a list of sizes) filled with \(Int(value))s.") { arguments, evaluator in
            let shape = try shapeArgument(arguments, "shape")
            return .tensor(try arguments.engine { try Tensor.filled(shape, with: value, budget: evaluator.settings.budget,
                                                                      isCancelled: evaluator.cancellation) })
        }
    }

    private static func reduction(_ kind: Tensor.Reduction, _ summary: String) -> Builtin {
        Builtin(Signature(kind.rawValue, [required("x"), optional("axis", .none)]), topic: .tensors, summary: summary) { arguments, evaluator in
            let tensor = try tensorArgument(arguments, "x", evaluator)
            let axis = arguments.value("axis").isNone ? nil : try arguments.integer("axis")
            let result = try arguments.engine { try tensor.reduced(kind, axis: axis, isCancelled: evaluator.cancellation) }
            if axis == nil { return .number(Double(result.scalars.first ?? .nan)) }
            return .tensor(result)
        }
    }

    /// A tensor argument; a list of numbers (or nested lists) is converted.
    static func tensorArgument(_ arguments: Arguments, _ name: String, _ evaluator: Evaluator) throws -> Tensor {
        switch arguments.value(name) {
        case .tensor(let tensor): return tensor
        case .list, .number:
            return try TensorConversion.tensor(from: arguments.value(name), at: arguments.range(of: name), budget: evaluator.settings.budget, isCancelled: evaluator.cancellation)
        default: throw arguments.mismatch(name, expected: "a tensor or a list of numbers")
        }
    }

    /// A shape: a list of non-negative integers, or one integer for a vector.
    static func shapeArgument(_ arguments: Arguments, _ name: String) throws -> [Int] {
        let range = arguments.range(of: name)
        let items: [Value]
        switch arguments.value(name) {
        case .list(let list): items = list.items
        case .number: items = [arguments.value(name)]
        default: throw arguments.mismatch(name, expected: "a list of sizes such as [2, 3]")
        }
        return try items.map { item in
            guard case .number(let number) = item else {
                throw Diagnostic(.elementType(context: "'\(name)'", expected: "sizes (numbers)", got: item.typeName), at: range)
            }
            let size = try Integers.exact(number, what: "a size in '\(name)'", at: range)
            guard size >= 0 else { throw arguments.invalid(name, "must not contain a negative size (\(size))") }
            return size
        }
    }
}
