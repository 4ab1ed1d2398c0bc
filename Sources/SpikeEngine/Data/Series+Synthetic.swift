/// Generating synthetic series (see `SyntheticKind`).
extension Series {
    /// A seeded synthetic series of `length` steps and `variates` columns: the same arguments
    /// always give bit-identical values on a machine. Cost: O(length × variates).
    ///
    /// Throws `EngineError.value` naming `length` or `variates` when one is below 1, and
    /// `EngineError.resource` when the series would exceed `budget`.
    public static func synthetic(
        kind: SyntheticKind = .traffic, length: Int = 2000, variates: Int = 8, seed: UInt64 = 0,
        budget: MemoryBudget = .standard
    ) throws -> Series {
        guard length >= 1 else {
            throw EngineError.value(argument: .length, message: "must be at least 1, got \(length)")
        }
        guard variates >= 1 else {
            throw EngineError.value(argument: .variates, message: "must be at least 1, got \(variates)")
        }
        let (count, overflow) = length.multipliedReportingOverflow(by: variates)
        try budget.check(scalars: overflow ? Int.max : count)
        switch kind {
        case .traffic:
            return try TrafficGenerator(sensors: variates, seed: seed).series(length: length)
        case .sines:
            return try SinesGenerator(variates: variates, seed: seed).series(length: length)
        }
    }
}
