/// How a forecasting set rescales each variate before windowing.
public enum Normalization: String, CaseIterable, Sendable {
    /// (x − mean) / std per variate (population std; a constant variate gets std 1).
    case zScore = "zscore"
    /// (x − min) / (max − min) per variate, into [0, 1] on the training split (a constant
    /// variate gets range 1).
    case minMax = "minmax"
    /// The values as they are.
    case identity = "none"

    /// The normalization named `name` (`"zscore"`, `"minmax"`, `"none"`).
    public init(named name: String) throws {
        guard let normalization = Normalization(rawValue: name) else {
            throw DataError.unknownNormalization(name: name, valid: Self.allCases.map(\.rawValue))
        }
        self = normalization
    }
}
