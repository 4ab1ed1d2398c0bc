import Foundation

/// Number-to-text conversions for coordinates, tick labels and table cells, free of float noise.
///
///     NumberFormat.fixed(0.1 + 0.2, decimals: 2)      // "0.30"
///     NumberFormat.significant(0.30000000000000004, digits: 4)  // "0.3"
///     NumberFormat.significant(1234567, digits: 3)     // "1.23e+06"
enum NumberFormat {
    /// `value` rounded to one decimal ("12.3", "-0.5", "7"); the unit of SVG coordinates here.
    /// Non-finite values print "0" and magnitudes are clamped to 1e9 px, so degenerate data can
    /// never produce invalid path data.
    static func tenths(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (min(1e9, max(-1e9, value)) * 10).rounded()
        let tenths = Int64(scaled)
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
    }

    /// `value` with exactly `decimals` digits after the point, computed from the decimal digits
    /// of the rounded value so that `0.1 + 0.2` with 1 decimal reads "0.3"; never "-0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let places = max(0, min(decimals, 20))
        if places == 0 {
            let rounded = value.rounded()
            return rounded == 0 ? "0" : integral(rounded)
        }
        let text = String(format: "%.\(places)f", value)
        return isNegativeZero(text) ? String(text.dropFirst()) : text
    }

    /// `value` to `digits` significant digits, trailing zeros dropped; scientific notation
    /// ("1.5e-05", "2.3e+07") below 1e-4 or at and above 1e6 unless the value is an integer
    /// under 1e15, which prints in full. Below 1e6 the integer part is never cut: 12345.6 to 3
    /// digits reads "12346", not "1.23e+04".
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        let digits = max(1, min(digits, 17))
        let magnitude = abs(value)
        if value == value.rounded() && magnitude < 1e15 && magnitude >= 1e-4 {
            let exponent = Int(floor(log10(magnitude)))
            if exponent < digits || magnitude < 1e6 { return integral(value) }
        }
        let parsed = Double(String(format: "%.\(digits - 1)e", value)) ?? value
        let rounded = parsed.isFinite && parsed != 0 ? parsed : value
        let exponent = Int(floor(log10(abs(rounded))))
        if exponent < -4 || exponent >= 6 {
            let text = String(format: "%.\(digits - 1)e", value)
            return trimmingMantissaZeros(text)
        }
        let decimals = max(0, digits - 1 - exponent)
        return trimmingZeros(fixed(value, decimals: decimals))
    }

    /// An integral value without a decimal point ("3", "-12", "1000000").
    static func integral(_ value: Double) -> String {
        if abs(value) < 9.2e18 { return String(Int64(value)) }
        return String(format: "%.0f", value)
    }

    /// Text for NaN and the infinities, as a reader expects them ("NaN", "∞", "−∞").
    static func nonFinite(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value < 0 ? "−∞" : "∞"
    }

    /// "2.500" → "2.5", "3.000" → "3"; leaves strings without a point unchanged.
    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = Substring(text)
        while out.hasSuffix("0") { out = out.dropLast() }
        if out.hasSuffix(".") { out = out.dropLast() }
        return isNegativeZero(String(out)) ? "0" : String(out)
    }

    private static func trimmingMantissaZeros(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        return trimmingZeros(String(text[..<e])) + text[e...]
    }

    private static func isNegativeZero(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }
}
