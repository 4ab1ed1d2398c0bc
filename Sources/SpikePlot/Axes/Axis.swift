import Foundation

/// A tick on an axis: where it sits (data units) and what it reads.
struct Tick: Equatable {
    let value: Double
    let label: String
}

/// One axis of a panel: its scale, the shown domain, labelled major ticks and unlabelled minor
/// ticks.
///
/// Build one with `Axis.linear(...)`, `Axis.log(...)` or, for categories, the memberwise
/// initialiser; map values with `fraction(_:)` (0 at `lower`, 1 at `upper`).
struct Axis {
    let scale: AxisScale
    let lower: Double
    let upper: Double
    let ticks: [Tick]
    var minorTicks: [Double] = []

    /// Where `value` lies between `lower` (0) and `upper` (1); may fall outside 0...1.
    func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear:
            return (value - lower) / (upper - lower)
        case .log:
            let low = log10(lower)
            return (log10(value) - low) / (log10(upper) - low)
        }
    }

    /// The widest tick label in pixels at the tick font.
    var widestLabel: Double {
        ticks.map { TextMetrics.width($0.label, fontSize: Theme.fontSize) }.max() ?? 0
    }
}

extension Axis {
    /// A linear axis covering `low...high` (widened by `padding` × span on each side), with
    /// at most `maxTicks` ticks at 1, 2, 2.5 or 5 × 10ⁿ steps; `integerSteps` keeps steps ≥ 1.
    static func linear(
        low: Double, high: Double, padding: Double = 0, maxTicks: Int, integerSteps: Bool = false
    ) -> Axis {
        var (low, high) = (low, high)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high {
            let half = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - half, high + half)
        }
        if !(high - low).isFinite { (low, high) = (low / 2, high / 2) }
        let span = high - low
        low -= padding * span
        high += padding * span
        var step = niceStep(span / Double(max(1, maxTicks)))
        if integerSteps {
            step = max(1, step)
            if step != step.rounded() { step = (step * 2).rounded() }
        }
        var values = multiples(of: step, from: low, to: high)
        // One tick cannot show a scale: take smaller nice steps until two fit.
        var attempts = 0
        while values.count < 2, attempts < 6, !integerSteps || step > 1 {
            step = niceStep(step * 0.45)
            if integerSteps { step = max(1, step.rounded()) }
            values = multiples(of: step, from: low, to: high)
            attempts += 1
        }
        let labels = labelsForLinearTicks(values, step: step)
        return Axis(
            scale: .linear, lower: low, upper: high,
            ticks: zip(values, labels).map { Tick(value: $0, label: $1) }
        )
    }

    /// The multiples k × step inside low...high (none if there would be 1000 or more).
    private static func multiples(of step: Double, from low: Double, to high: Double) -> [Double] {
        let first = (low / step - 1e-9).rounded(.up)
        let last = (high / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// A base-10 log axis covering whole decades around `low...high` (both > 0), ticks at
    /// powers of ten (every n-th decade past `maxTicks`), minor ticks at 2…9 × 10ⁿ.
    static func log(low: Double, high: Double, maxTicks: Int) -> Axis {
        var (low, high) = (low, high)
        if !(low > 0 && low.isFinite) || !(high > 0 && high.isFinite) { (low, high) = (1, 10) }
        var first = Foundation.log10(low).rounded(.down)
        var last = Foundation.log10(high).rounded(.up)
        if last <= first { (first, last) = (first, first + 1) }
        let decades = Int(last - first)
        let every = max(1, Int((Double(decades) / Double(max(1, maxTicks))).rounded(.up)))
        let exponents = stride(from: Int(first), through: Int(last), by: every).map { $0 }
        let plain = exponents.allSatisfy { (-3...4).contains($0) }
        let ticks = exponents.map { exponent in
            Tick(
                value: pow(10, Double(exponent)),
                label: plain
                    ? NumberFormat.significant(pow(10, Double(exponent)), digits: 1)
                    : "10" + superscript(exponent))
        }
        var minor: [Double] = []
        if decades <= 6 {
            for exponent in Int(first)..<Int(last) {
                for multiple in 2...9 { minor.append(Double(multiple) * pow(10, Double(exponent))) }
            }
        }
        return Axis(scale: .log, lower: pow(10, first), upper: pow(10, last), ticks: ticks, minorTicks: minor)
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10ⁿ that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, Foundation.log10(raw).rounded(.down))
        for multiple in [1.0, 2, 2.5, 5, 10] where multiple * magnitude >= raw * (1 - 1e-9) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// Labels for ticks `k × step`: fixed decimals as many as the step needs, or scientific
    /// notation for very large or very small magnitudes; never float noise like 0.30000000000000004.
    static func labelsForLinearTicks(_ values: [Double], step: Double) -> [String] {
        let largest = values.map(abs).max() ?? 0
        var decimals = 0
        // The fewest decimals that write the step as a whole number (0.25 → 2, 5e-08 → 8).
        while decimals < 20 {
            let scaled = step * pow(10, Double(decimals))
            if scaled.rounded() >= 1, abs(scaled - scaled.rounded()) <= 1e-6 * scaled { break }
            decimals += 1
        }
        if largest >= 1e6 || (largest > 0 && largest < 1e-3) {
            let digits = max(1, Int(Foundation.log10(largest).rounded(.down)) + decimals + 1)
            return values.map { $0 == 0 ? "0" : NumberFormat.significant($0, digits: min(digits, 6)) }
        }
        return values.map { NumberFormat.fixed($0, decimals: decimals) }
    }

    private static func superscript(_ exponent: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"
        ]
        return String(String(exponent).map { digits[$0] ?? $0 })
    }
}
