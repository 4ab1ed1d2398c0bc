import Foundation
import SpikeEngine

/// Elementwise math on numbers and tensors (`abs`, `sqrt`, `exp`, `log`, `sin`, `cos`,
/// `floor`, `round`), and conversions (`str`, `list`).
enum MathLibrary {
    static func builtins() -> [Builtin] {
        let functions: [(String, String, (Double) -> Double)] = [
            ("abs", "The absolute value |x|.", { Swift.abs($0) }),
            ("sqrt", "The square root; a negative number is a ValueError.", { Foundation.sqrt($0) }),
            ("exp", "e raised to x.", { Foundation.exp($0) }),
            ("log", "The natural logarithm; x must be positive.", { Foundation.log($0) }),
            ("sin", "The sine of x (radians).", { Foundation.sin($0) }),
            ("cos", "The cosine of x (radians).", { Foundation.cos($0) }),
            ("floor", "The largest integer not above x.", { $0.rounded(.down) }),
            ("round", "x rounded to the nearest integer (halves away from zero).", { $0.rounded() })
        ]
        return functions.map { name, summary, function in
            elementwise(name, summary + " Works on numbers and, elementwise, on tensors.", function)
        }
            + [string(), list()]
    }

    private static func elementwise(_ name: String, _ summary: String, _ function: @escaping (Double) -> Double) -> Builtin {
        Builtin(name, topic: .math, summary: summary) { p in
            let x = p.declare("x", .any, doc: "a number, or a tensor (elementwise)")
            return { arguments, evaluator in
                switch try arguments[x] {
                case .number(let number):
                    let y = function(number)
                    if y.isNaN, !number.isNaN {
                        throw arguments.invalid(x, "is outside the domain of \(name) (got \(ValueText.number(number)))")
                    }
                    return .number(y)
                case .tensor(let tensor):
                    try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Float>.stride, at: arguments.callRange)
                    return .tensor(
                        try arguments.engine { try tensor.map(isCancelled: evaluator.cancellation) { Float(function(Double($0))) } })
                default:
                    throw arguments.mismatch(x, expected: "a number or a tensor")
                }
            }
        }
    }

    private static func string() -> Builtin {
        Builtin(
            "str", topic: .math,
            summary: "The value's text form as a string (a string stays as it is), e.g. \"n = \" + str(3)."
        ) { p in
            let value = p.declare("value", .any, doc: "any value")
            return { arguments, evaluator in
                .string(
                    try arguments.engine {
                        try ValueText.text(
                            of: [try arguments[value]], budget: evaluator.settings.budget, isCancelled: evaluator.cancellation)
                    })
            }
        }
    }

    private static func list() -> Builtin {
        Builtin("list", topic: .math, summary: "The items of a range, string (characters), tensor (rows) or list, as a list.") { p in
            let x = p.declare("x", .any, doc: "a range, string, tensor or list")
            return { arguments, evaluator in
                let value = try arguments[x]
                if case .list = value { return value }
                let count: Int
                switch value {
                case .range(let range): count = range.count
                case .string(let string): count = try evaluator.characterCount(of: string, at: arguments.range(of: x))
                case .tensor(let tensor): count = tensor.shape.first ?? 0
                default: throw arguments.mismatch(x, expected: "a range, string, tensor or list")
                }
                try evaluator.checkBudget(count: count, bytesEach: MemoryLayout<Value>.stride, at: arguments.range(of: x))
                var items: [Value] = []
                items.reserveCapacity(count)
                try evaluator.forEach(in: value, at: arguments.range(of: x)) { items.append($0) }
                return .list(items)
            }
        }
    }
}
