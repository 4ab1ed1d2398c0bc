import Foundation

/// Numbers people can read: `format(x, spec)`, `float(x)` and `mean_std(xs, digits)`
/// (docs/language.md §4, docs/science.md for the spread).
extension MathLibrary {
    static func numberBuiltins() -> [Builtin] {
        [format(), float(), meanStd()]
    }

    /// `format(x, spec="")`: Python's format mini-language for numbers and strings.
    private static func format() -> Builtin {
        Builtin(
            "format", topic: .math,
            summary:
                "x written under a format spec, as Python's format(): format(0.8123, \".3f\") is \"0.812\", format(1234567, \",\") is \"1,234,567\"; no spec writes x as str does."
        ) { p in
            let x = p.declare("x", .any, doc: "a number or a string (any value when spec is \"\")")
            let spec = p.declare(
                "spec", .string, default: "",
                doc: "[[fill]align][sign][z][#][0][width][,|_][.precision][type], type one of f F e E g G % n d b o x X (s for strings)")
            return { arguments, evaluator in
                .string(
                    try evaluator.formatted(
                        try arguments[x], spec: try arguments[spec], specRange: arguments.range(of: spec),
                        valueRange: arguments.range(of: x)))
            }
        }
    }

    /// `float(x)`: a number, or the number a string spells as Python's `float()` reads it.
    private static func float() -> Builtin {
        Builtin(
            "float", topic: .math,
            summary:
                "x as a number: a number stays as it is, a boolean is 1 or 0, a string such as \"1.5\", \"1e-3\", \"-inf\" or \"nan\" gives the number it spells (as Python's float())."
        ) { p in
            let x = p.declare("x", .any, doc: "a number, boolean or string")
            return { arguments, _ in
                switch try arguments[x] {
                case .number(let number): return .number(number)
                case .boolean(let flag): return .number(flag ? 1 : 0)
                case .string(let text):
                    guard let value = NumberText.value(of: text) else {
                        throw arguments.invalid(x, "is not a number: \(ValueText.quoted(String(text.prefix(40))))")
                    }
                    return .number(value)
                default:
                    throw arguments.mismatch(x, expected: "a number, boolean or string")
                }
            }
        }
    }

    /// `mean_std(xs, digits=none)`: "0.812 ± 0.013" for a results table.
    private static func meanStd() -> Builtin {
        Builtin(
            "mean_std", topic: .math,
            summary:
                "\"mean ± std\" of a list of numbers as a string, e.g. \"0.812 ± 0.013\": the sample standard deviation (n − 1, NumPy's std(ddof=1)); one number gives \"± nan\"."
        ) { p in
            let xs = p.declare("xs", .any, doc: "a non-empty list (or vector) of numbers")
            let digits = p.declare(
                "digits", .orNone(.integer.checked { (0...20).contains($0) ? nil : "must be between 0 and 20, got \($0)" }),
                doc: "decimal places of both; none: the std to 2 significant digits and the mean to the same place")
            return { arguments, _ in
                let numbers: [Double]
                switch try arguments[xs] {
                case .list(let list):
                    numbers = try list.items.map { item in
                        guard case .number(let number) = item else {
                            throw Diagnostic(
                                .elementType(context: "mean_std(): 'xs'", expected: "numbers", got: item.typeName),
                                at: arguments.range(of: xs))
                        }
                        return number
                    }
                case .tensor(let tensor) where tensor.rank == 1:
                    numbers = tensor.scalars.map(Double.init)
                default:
                    throw arguments.mismatch(xs, expected: "a list of numbers")
                }
                guard !numbers.isEmpty else { throw arguments.invalid(xs, "is empty: mean ± std of no numbers is undefined") }
                let (mean, std) = meanAndSampleStd(numbers)
                return .string(meanStdText(mean, std, digits: try arguments[digits]))
            }
        }
    }

    /// The mean and the sample standard deviation √(Σ(x − mean)² / (n − 1)), NaN for one
    /// number; two passes in Float64. Cost: O(n).
    static func meanAndSampleStd(_ numbers: [Double]) -> (mean: Double, std: Double) {
        let count = Double(numbers.count)
        let mean = numbers.reduce(0, +) / count
        guard numbers.count > 1 else { return (mean, .nan) }
        let squares = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / (count - 1)).squareRoot())
    }

    /// "mean ± std" with `digits` decimal places, or (nil) the std to two significant digits
    /// and the mean to the same place: (0.81234, 0.01345) → "0.812 ± 0.013". A zero or
    /// non-finite std, or one too small for 12 places, writes both as `str` does.
    static func meanStdText(_ mean: Double, _ std: Double, digits: Int?) -> String {
        var places = digits
        if places == nil, std.isFinite, std > 0 {
            let automatic = max(0, 1 - Int(Foundation.log10(std).rounded(.down)))
            if automatic <= 12 { places = automatic }
        }
        guard let places, let spec = try? FormatSpec.parse(".\(places)f") else {
            return ValueText.number(mean) + " ± " + ValueText.number(std)
        }
        let text = { (value: Double) in (try? spec.format(value)) ?? ValueText.number(value) }
        return text(mean) + " ± " + text(std)
    }
}
