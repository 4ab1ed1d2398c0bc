/// `%time`'s and `%timeit`'s report: seconds in the largest unit that keeps the number readable.
enum WallTime {
    static func text(_ seconds: Double) -> String {
        if seconds < 1e-6 { return format(seconds * 1e9) + " ns" }
        if seconds < 1e-3 { return format(seconds * 1e6) + " µs" }
        if seconds < 1 { return format(seconds * 1e3) + " ms" }
        return format(seconds) + " s"
    }

    /// Three significant digits.
    private static func format(_ value: Double) -> String {
        let digits = value >= 100 ? 0 : (value >= 10 ? 1 : 2)
        let scale = [1.0, 10.0, 100.0][digits]
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }
}
