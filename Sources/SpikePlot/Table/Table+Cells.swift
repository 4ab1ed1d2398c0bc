import Foundation

/// How a cell or column is aligned.
enum Alignment: String {
    case left, right, center
}

extension Table.Cell {
    /// The cell's text with numbers to `digits` significant digits.
    func formatted(digits: Int) -> String {
        switch self {
        case .number(let value): return NumberFormat.significant(value, digits: digits)
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .meanStd(let mean, let std): return Self.meanStd(mean, std, digits: digits)
        case .estimate(let value, let low, let high): return Self.estimate(value, low, high, digits: digits)
        case .empty: return ""
        }
    }

    /// Numbers right (text written "mean ± std", as Spike's `mean_std` writes it, too), booleans
    /// centred, other text left.
    var alignment: Alignment {
        switch self {
        case .number, .meanStd, .estimate: return .right
        case .bool: return .center
        case .text(let text): return Self.readsAsMeanStd(text) ? .right : .left
        case .empty: return .left
        }
    }

    /// True for "0.812 ± 0.013": two numbers (or nan, inf) joined by " ± ".
    static func readsAsMeanStd(_ text: String) -> Bool {
        let parts = text.components(separatedBy: " ± ")
        return parts.count == 2 && parts.allSatisfy { part in Double(part) != nil && !part.contains(" ") && !part.isEmpty }
    }

    /// The value compared when picking a column's best: the number or the mean.
    var rankValue: Double? {
        switch self {
        case .number(let value): return value.isNaN ? nil : value
        case .meanStd(let mean, _): return mean.isNaN ? nil : mean
        case .estimate(let value, _, _): return value.isNaN ? nil : value
        default: return nil
        }
    }

    /// "mean ± std" with the std to two significant digits and the mean to the same decimal
    /// place, e.g. (0.91234, 0.01345) → "0.912 ± 0.013"; falls back to significant digits for
    /// a zero or non-finite std or very large or small magnitudes.
    static func meanStd(_ mean: Double, _ std: Double, digits: Int) -> String {
        let spread = abs(std)
        if mean.isFinite, spread.isFinite, spread > 0, abs(mean) < 1e6, spread >= 1e-9 {
            let decimals = max(0, 1 - Int(log10(spread).rounded(.down)))
            if decimals <= 10 {
                return NumberFormat.fixed(mean, decimals: decimals) + " ± " + NumberFormat.fixed(spread, decimals: decimals)
            }
        }
        return NumberFormat.significant(mean, digits: digits) + " ± " + NumberFormat.significant(spread, digits: 2)
    }

    /// "value [low, high]" with all three to the decimal place that shows the interval's
    /// half-width to two significant digits, e.g. (0.8123, 0.7901, 0.8345) → "0.812 [0.790, 0.835]";
    /// the value alone (significant digits) when an end is not finite.
    static func estimate(_ value: Double, _ low: Double, _ high: Double, digits: Int) -> String {
        guard low.isFinite, high.isFinite, value.isFinite else { return NumberFormat.significant(value, digits: digits) }
        let half = (high - low) / 2
        if half >= 1e-9, abs(value) < 1e6, abs(low) < 1e6, abs(high) < 1e6 {
            let decimals = max(0, 1 - Int(log10(half).rounded(.down)))
            if decimals <= 10 {
                let text = { (x: Double) in NumberFormat.fixed(x, decimals: decimals) }
                return "\(text(value)) [\(text(low)), \(text(high))]"
            }
        }
        let text = { (x: Double) in NumberFormat.significant(x, digits: digits) }
        return "\(text(value)) [\(text(low)), \(text(high))]"
    }
}

extension Table {
    /// A column's alignment: right when every filled cell is a number or mean ± std, centred
    /// when every filled cell is a boolean, else left.
    func alignment(ofColumn column: Int) -> Alignment {
        let kinds = rows.compactMap { row -> Alignment? in
            guard column < row.count, row[column] != .empty else { return nil }
            return row[column].alignment
        }
        guard let first = kinds.first, kinds.allSatisfy({ $0 == first }) else { return .left }
        return first
    }

    /// For each column with a `best` rule, the winning value (over all rows, not only shown).
    var bestValues: [Int: Double] {
        var winners: [Int: Double] = [:]
        for (column, rule) in best where column >= 0 && column < columns.count {
            let values = rows.compactMap { column < $0.count ? $0[column].rankValue : nil }
            winners[column] = rule == .highest ? values.max() : values.min()
        }
        return winners
    }

    /// Whether `cell` in `column` is (one of) the column's best.
    func isBest(_ cell: Table.Cell, column: Int, winners: [Int: Double]) -> Bool {
        guard let winner = winners[column], let value = cell.rankValue else { return false }
        return value == winner
    }
}
