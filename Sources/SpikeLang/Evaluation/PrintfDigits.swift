import Foundation

/// Correctly rounded decimal digits of a double from C's `printf` conversions, which glibc
/// computes from the exact binary value (ties to even on that exact value, as Python does:
/// 0.125 to two places is 0.12, 2.675 is 2.67 because it is stored as 2.67499…).
///
/// The text is measured first and then written into a buffer of that size, so no precision
/// can overflow it. Cost: O(digits written).
enum PrintfDigits {
    /// `%.*f`: `magnitude` (finite, not negative) with `precision` digits after the point,
    /// e.g. (2.5, 0) → "2", (1e20, 1) → "100000000000000000000.0".
    static func fixed(_ magnitude: Double, precision: Int) -> String {
        printed("%.*f", magnitude, precision: precision)
    }

    /// `%.*e` with `digits - 1` places: the first `digits` significant digits of `magnitude`
    /// (finite, not negative), correctly rounded, and the decimal exponent of the first,
    /// e.g. (9.96, 2) → ("10", 1), (0.0, 3) → ("000", 0).
    static func significant(_ magnitude: Double, digits: Int) -> (digits: String, exponent: Int) {
        let text = printed("%.*e", magnitude, precision: max(digits - 1, 0))
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0].filter { $0 != "." }
        return (String(mantissa), parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    /// One conversion of `value` with `precision` (capped at `FormatSpec.sizeLimit`).
    private static func printed(_ format: String, _ value: Double, precision: Int) -> String {
        let arguments: [CVarArg] = [Int32(min(precision, FormatSpec.sizeLimit)), value]
        let length = withVaList(arguments) { vsnprintf(nil, 0, format, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList(arguments) { vsnprintf(pointer.baseAddress, pointer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
