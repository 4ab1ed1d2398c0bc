import Foundation

/// Numbers written the way Python's `format(x, spec)` writes them (docs/language.md §4).
///
/// Spike has one number type, so an integral number is written as Python writes an `int`
/// when the type is an integer type (`d`, `b`, `o`, `x`, `X`), or `n` or no type without a
/// precision (for no type: within ±1e15, where `str` writes it without a decimal point);
/// otherwise as Python writes a `float`:
///
///     format(3, "")      // "3"          format(3, ".2f")   // "3.00"
///     format(2.5, ",")   // "2.5"        format(1e16, ",")  // "1e+16"
///     format(0.125, ".2f")               // "0.12": the exact binary value, ties to even
///
/// Digits come from C's `%.*f` and `%.*e` (glibc rounds the exact binary value correctly,
/// as Python does) and, for the shortest form, from Swift's `description` (the shortest
/// round-trip digits, as Python's `repr`); the layout around them is Python's.
extension FormatSpec {
    static let integerTypes: Set<Character> = ["d", "b", "o", "x", "X"]
    static let numberTypes: Set<Character> = integerTypes.union(["e", "E", "f", "F", "g", "G", "%", "n"])

    /// `value` as Python's `format()` writes it under this spec. Cost: O(width + precision +
    /// digits of the value).
    func format(_ value: Double) throws(FormatSpecMistake) -> String {
        try checkForNumber()
        let integral = value.isFinite && value == value.rounded()
        if let type, Self.integerTypes.contains(type) {
            guard integral else { throw .notIntegral(type: String(type), value: value) }
            return formatInteger(value)
        }
        if precision == nil, integral, type == "n" || (type == nil && Swift.abs(value) <= 1e15) {
            return formatInteger(value)
        }
        return formatFloat(value)
    }

    /// Rejects what Python rejects for any number: an unknown type, a separator with `n` (or
    /// `,` with `b o x X`), a precision with an integer type.
    private func checkForNumber() throws(FormatSpecMistake) {
        if let type, !Self.numberTypes.contains(type) { throw .unknownType(String(type), valueKind: "a number") }
        if let separator, let type {
            if type == "n" || (separator == "," && Self.integerTypes.contains(type) && type != "d") {
                throw .partNotAllowed(part: "'\(separator)'", context: "type '\(type)'")
            }
        }
        if precision != nil, let type, Self.integerTypes.contains(type) {
            throw .partNotAllowed(part: "a precision", context: "type '\(type)'")
        }
    }

    /// An integral number as Python writes an `int`: digits in base 10, 2, 8 or 16, with the
    /// `#` prefix, grouped by 3 (decimal) or 4.
    private func formatInteger(_ value: Double) -> String {
        let (radix, prefix, groupSize): (Int, String, Int)
        switch type {
        case "b": (radix, prefix, groupSize) = (2, "0b", 4)
        case "o": (radix, prefix, groupSize) = (8, "0o", 4)
        case "x": (radix, prefix, groupSize) = (16, "0x", 4)
        case "X": (radix, prefix, groupSize) = (16, "0X", 4)
        default: (radix, prefix, groupSize) = (10, "", 3)
        }
        var digits = Self.integerDigits(Swift.abs(value), radix: radix)
        if type == "X" { digits = digits.uppercased() }
        return assemble(negative: value < 0, prefix: alternate ? prefix : "", digits: digits, remainder: "", groupSize: groupSize)
    }

    /// A number as Python writes a `float`: `f F %` fixed, `e E` exponent, `g G n` and no type
    /// with a precision in significant digits, no type without one in the shortest form.
    private func formatFloat(_ value: Double) -> String {
        var magnitude = Swift.abs(value)
        if type == "%" { magnitude *= 100 }
        let upper = type == "E" || type == "F" || type == "G"
        let percent = type == "%" ? "%" : ""
        guard magnitude.isFinite else {
            let word = magnitude.isNaN ? "nan" : "inf"
            // Python writes a NaN without a sign.
            return assemble(
                negative: value < 0, prefix: "", digits: "", remainder: (upper ? word.uppercased() : word) + percent, groupSize: 3)
        }
        let integer: String
        var remainder: String
        switch type {
        case "f", "F", "%":
            let text = PrintfDigits.fixed(magnitude, precision: precision ?? 6)
            let parts = text.split(separator: ".", maxSplits: 1)
            integer = String(parts[0])
            remainder = point(before: parts.count > 1 ? String(parts[1]) : "") + percent
        case "e", "E":
            let (digits, exponent) = PrintfDigits.significant(magnitude, digits: (precision ?? 6) + 1)
            integer = String(digits.prefix(1))
            remainder = point(before: String(digits.dropFirst())) + Self.exponent(exponent, upper: upper)
        default:
            var digits: [Character]
            var decimalPoint: Int
            var end: Int
            let exponentAbove: Int
            if type == nil, precision == nil {
                (digits, decimalPoint) = Self.shortestDigits(magnitude)
                end = digits.count
                exponentAbove = 16
            } else {
                let count = max(precision ?? 6, 1)
                let (text, exponent) = PrintfDigits.significant(magnitude, digits: count)
                digits = Array(text)
                decimalPoint = exponent + 1
                if !alternate {
                    while digits.count > 1, digits.last == "0" { digits.removeLast() }
                }
                end = alternate ? count : digits.count
                // With no type, a fixed-point result keeps a digit after the point, so the
                // exponent form starts one place earlier than with `g`.
                exponentAbove = type == nil ? count - 1 : count
            }
            let usesExponent = decimalPoint <= -4 || decimalPoint > exponentAbove
            var exponent = 0
            if usesExponent {
                exponent = decimalPoint - 1
                decimalPoint = 1
            }
            let start = decimalPoint <= 0 ? decimalPoint - 1 : 0
            end = max(end, type == nil && !usesExponent ? decimalPoint + 1 : decimalPoint)
            let digit = { (index: Int) -> Character in index >= 0 && index < digits.count ? digits[index] : "0" }
            integer = String((start..<decimalPoint).map(digit))
            remainder = point(before: String((decimalPoint..<end).map(digit)))
            if usesExponent { remainder += Self.exponent(exponent, upper: upper) }
        }
        var negative = value.sign == .minus
        if coercesNegativeZero, negative {
            let mantissa = (integer + remainder).prefix { $0 != "e" && $0 != "E" }
            if mantissa.allSatisfy({ $0 == "0" || $0 == "." || $0 == "%" }) { negative = false }
        }
        return assemble(negative: negative, prefix: "", digits: integer, remainder: remainder, groupSize: 3)
    }

    /// `.` and the fraction's digits; the point alone with `#`, nothing without digits.
    private func point(before fraction: String) -> String {
        fraction.isEmpty && !alternate ? "" : "." + fraction
    }

    /// `e+05`, `E-123`: a sign and at least two digits.
    private static func exponent(_ exponent: Int, upper: Bool) -> String {
        let digits = String(exponent.magnitude)
        return (upper ? "E" : "e") + (exponent < 0 ? "-" : "+") + (digits.count < 2 ? "0" : "") + digits
    }

    /// Sign, prefix, digits (grouped, zero-filled) and the rest, padded to the width.
    private func assemble(negative: Bool, prefix: String, digits: String, remainder: String, groupSize: Int) -> String {
        let signText: String
        switch (negative, sign ?? .negativeOnly) {
        case (true, _): signText = "-"
        case (false, .always): signText = "+"
        case (false, .space): signText = " "
        case (false, .negativeOnly): signText = ""
        }
        let fill = self.fill ?? (zeroPadding ? "0" : " ")
        let alignment = self.alignment ?? (zeroPadding ? .afterSign : .right)
        var body = digits
        if !digits.isEmpty {
            // Zero padding runs through the separators: format(1234, "010,") is 00,001,234.
            let zeroFilled = fill == "0" && alignment == .afterSign
            let minimum = zeroFilled ? width - signText.count - prefix.count - remainder.count : 0
            body = Self.grouped(digits, separator: separator, size: groupSize, minimumWidth: minimum)
        }
        return pad(lead: signText + prefix, body: body + remainder, fill: fill, alignment: alignment)
    }

    /// `lead` + `body` padded with `fill` to the width; `=` pads between the two.
    func pad(lead: String, body: String, fill: Character, alignment: Alignment) -> String {
        let padding = max(0, width - lead.count - body.count)
        let fillText = { (count: Int) in String(repeating: fill, count: count) }
        switch alignment {
        case .left: return lead + body + fillText(padding)
        case .right: return fillText(padding) + lead + body
        case .center: return fillText(padding / 2) + lead + body + fillText(padding - padding / 2)
        case .afterSign: return lead + fillText(padding) + body
        }
    }

    /// `digits` in groups of `size` from the right, joined by `separator`, with leading
    /// zeros (and separators between them) until the text is at least `minimumWidth` long —
    /// one zero more when the text would otherwise begin with a separator.
    static func grouped(_ digits: String, separator: Character?, size: Int, minimumWidth: Int) -> String {
        guard let separator else {
            return String(repeating: "0", count: max(0, minimumWidth - digits.count)) + digits
        }
        var remaining = Array(digits)
        var groups: [String] = []
        var width = minimumWidth
        while true {
            let length = min(size, max(remaining.count, width, 1))
            let taken = min(remaining.count, length)
            groups.append(String(repeating: "0", count: length - taken) + String(remaining.suffix(taken)))
            remaining.removeLast(taken)
            width -= length
            if remaining.isEmpty, width <= 0 { break }
            width -= 1  // the separator
        }
        return groups.reversed().joined(separator: String(separator))
    }

    /// The digits of a non-negative integral number in base `radix`, exactly (Python's ints
    /// are exact; a double past 2^64 is a 53-bit integer times a power of two).
    static func integerDigits(_ magnitude: Double, radix: Int) -> String {
        if magnitude < 0x1p64 { return String(UInt64(magnitude), radix: radix) }
        if radix == 10 { return PrintfDigits.fixed(magnitude, precision: 0) }
        let bits =
            String(magnitude.significandBitPattern | 1 << 52, radix: 2)
            + String(repeating: "0", count: Int(magnitude.exponent) - 52)
        let width = radix == 2 ? 1 : radix == 8 ? 3 : 4
        var chunks: [String] = []
        var end = bits.endIndex
        while end > bits.startIndex {
            let start = bits.index(end, offsetBy: -width, limitedBy: bits.startIndex) ?? bits.startIndex
            chunks.append(String(Int(bits[start..<end], radix: 2) ?? 0, radix: radix))
            end = start
        }
        return chunks.reversed().joined()
    }

    /// The shortest digits that read back as `magnitude` (finite, not negative), and where the
    /// decimal point goes: 0.5 → ("5", 0), 120 → ("12", 3), 1e-05 → ("1", -4).
    static func shortestDigits(_ magnitude: Double) -> (digits: [Character], decimalPoint: Int) {
        guard magnitude != 0 else { return (["0"], 1) }
        let text = magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        var digits = Array(mantissa[0] + (mantissa.count > 1 ? mantissa[1] : ""))
        var decimalPoint = mantissa[0].count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (digits, decimalPoint)
    }
}
