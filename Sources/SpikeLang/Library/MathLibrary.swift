import Foundation
import SpikeEngine

/// Elementwise math on numbers and tensors (`abs`, `sqrt`, `exp`, `log`, `sin`, `cos`,
/// `floor`, `round`), and conversions (`str`, `list`, `int`; `format`, `float` and `mean_std` in
/// MathLibrary+Numbers.swift).
enum MathLibrary {
    static func builtins() -> [Builtin] {
        let functions: [(String, String, (Double) -> Double)] = [
            ("abs", "The absolute value |x|.", { Swift.abs($0) }),
            ("sqrt", "The square root; a negative number is a ValueError.", { Foundation.sqrt($0) }),
            ("exp", "e raised to x.", { Foundation.exp($0) }),
            ("log", "The natural logarithm; x must be positive.", { Foundation.log($0) }),
            ("sin", "The sine of x (radians).", { Foundation.sin($0) }),
            ("cos", "The cosine of x (radians).", { Foundation.cos($0) }),
            ("floor", "The largest integer not above x.", { $0.rounded(.down) })
        ]
        return functions.map { name, summary, function in
            elementwise(name, summary + " Works on numbers and, elementwise, on tensors.", function)
        }
            + [round(), string(), list(), integer(), keys(), values()] + numberBuiltins()
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

    /// `int(x)`: a number without its fraction (toward zero), or the integer a string spells.
    private static func integer() -> Builtin {
        Builtin(
            "int", topic: .math,
            summary: "x without its fraction (toward zero, as Python's int); a string such as \"42\" gives its integer."
        ) { p in
            let x = p.declare("x", .any, doc: "a number, or a string of digits")
            return { arguments, _ in
                switch try arguments[x] {
                case .number(let number):
                    guard number.isFinite else { throw arguments.invalid(x, "must be finite, got \(ValueText.number(number))") }
                    return .number(number.rounded(.towardZero))
                case .boolean(let flag): return .number(flag ? 1 : 0)
                case .string(let text):
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    guard let value = Int(trimmed.replacingOccurrences(of: "_", with: "")) else {
                        throw arguments.invalid(x, "is not an integer: \(ValueText.quoted(String(text.prefix(40))))")
                    }
                    return .number(Double(value))
                default:
                    throw arguments.mismatch(x, expected: "a number, boolean or string")
                }
            }
        }
    }

    /// `keys(r)`: a record's field names, in order.
    private static func keys() -> Builtin {
        Builtin("keys", topic: .math, summary: "A record's field names as a list of strings, in order.") { p in
            let r = p.declare("r", .any, doc: "a record")
            return { arguments, _ in
                guard case .record(let record) = try arguments[r] else { throw arguments.mismatch(r, expected: "a record") }
                return .list(ValueList(record.names.map { .string($0) }))
            }
        }
    }

    /// `values(r)`: a record's field values, in order.
    private static func values() -> Builtin {
        Builtin("values", topic: .math, summary: "A record's field values as a list, in order.") { p in
            let r = p.declare("r", .any, doc: "a record")
            return { arguments, _ in
                guard case .record(let record) = try arguments[r] else { throw arguments.mismatch(r, expected: "a record") }
                return .list(ValueList(record.fields.map(\.value)))
            }
        }
    }

    /// `round(x, digits=0)`: numbers people can read, e.g. round(0.74412, 3) is 0.744.
    private static func round() -> Builtin {
        Builtin(
            "round", topic: .math,
            summary:
                "x rounded to `digits` decimal places (halves away from zero); digits=0 gives an integer. Works on numbers and, elementwise, on tensors."
        ) { p in
            let x = p.declare("x", .any, doc: "a number, or a tensor (elementwise)")
            let digits = p.declare("digits", .integer, default: 0, doc: "decimal places to keep (negative rounds to tens, hundreds, …)")
            return { arguments, evaluator in
                let places = try arguments[digits]
                guard Swift.abs(places) <= 308 else { throw arguments.invalid(digits, "must be between -308 and 308, got \(places)") }
                let scale = Foundation.pow(10, Double(places))
                let rounding = { (value: Double) -> Double in
                    guard value.isFinite, places != 0 else { return value.rounded() }
                    let scaled = value * scale
                    // Past 2^52 a Double has no fraction left to round.
                    return scaled.isFinite && Swift.abs(scaled) < 0x1p52 ? scaled.rounded() / scale : value
                }
                switch try arguments[x] {
                case .number(let number): return .number(rounding(number))
                case .tensor(let tensor):
                    try evaluator.checkBudget(count: tensor.count, bytesEach: MemoryLayout<Float>.stride, at: arguments.callRange)
                    return .tensor(
                        try arguments.engine { try tensor.map(isCancelled: evaluator.cancellation) { Float(rounding(Double($0))) } })
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
