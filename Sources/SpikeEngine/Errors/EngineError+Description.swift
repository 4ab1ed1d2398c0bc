/// The one place where engine errors become text.
extension EngineError: CustomStringConvertible {
    /// A one-line message naming the argument (by its Swift case: the language shows the
    /// user's spelling instead), both shapes, or both byte counts.
    public var description: String {
        switch self {
        case .value(let argument, let message):
            return "\(argument): \(message)"
        case .shape(let operation, let first, let second):
            return "\(operation): shapes \(first) and \(second) do not fit together"
        case .resource(let requested, let budget):
            return "would allocate \(Self.bytesText(requested)), over the memory budget of \(Self.bytesText(budget))"
        case .interrupted:
            return "interrupted"
        }
    }

    /// Bytes in the largest unit that keeps the number at least 1 (B, KiB, MiB, GiB).
    static func bytesText(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
