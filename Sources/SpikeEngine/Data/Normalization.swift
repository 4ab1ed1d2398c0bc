/// How a forecasting set rescales each variate before windowing.
public enum Normalization: String, CaseIterable, Sendable {
    /// (x − mean) / std per variate (population std; a constant variate gets std 1).
    case zScore = "zscore"
    /// (x − min) / (max − min) per variate, into [0, 1] on the training split (a constant
    /// variate gets range 1).
    case minMax = "minmax"
    /// The values as they are.
    case identity = "none"
    /// (x − mean) / std with one mean and one std over every variate of the training split:
    /// the scale SeqSNN reports its metrics on (it fits them on the whole file; Spike on the
    /// training split only), docs/science.md §5.
    case global = "global"

    /// The scale the data (and so the metrics computed on it) is on, for table titles.
    public var scaleName: String {
        switch self {
        case .zScore: return "per-variate z-scores"
        case .minMax: return "per-variate min-max scale"
        case .identity: return "original units"
        case .global: return "one global z-score (SeqSNN's scale)"
        }
    }

    /// The normalization named `name` (`"zscore"`, `"minmax"`, `"none"`, `"global"`).
    public init(named name: String) throws {
        guard let normalization = Normalization(rawValue: name) else {
            throw DataError.unknownNormalization(name: name, valid: Self.allCases.map(\.rawValue))
        }
        self = normalization
    }
}
