/// The seeded synthetic series Spike can generate (see `Series.synthetic`).
public enum SyntheticKind: String, CaseIterable, Sendable {
    /// Road traffic flow at several correlated sensors (see `TrafficGenerator`).
    case traffic
    /// Noisy sine waves with a harmonic, one period per variate (see `SinesGenerator`).
    case sines

    /// The kind named `name` (`"traffic"`, `"sines"`).
    public init(named name: String) throws {
        guard let kind = SyntheticKind(rawValue: name) else {
            throw DataError.unknownSynthetic(name: name, valid: Self.allCases.map(\.rawValue))
        }
        self = kind
    }
}
