/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Equatable {
    /// Equal differences take equal lengths.
    case linear
    /// Equal ratios take equal lengths (base 10); values ≤ 0 cannot be shown and are skipped.
    case log

    /// Whether `value` has a position on this scale.
    func canShow(_ value: Double) -> Bool {
        switch self {
        case .linear: return value.isFinite
        case .log: return value.isFinite && value > 0
        }
    }
}
