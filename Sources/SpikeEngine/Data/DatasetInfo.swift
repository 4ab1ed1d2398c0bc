/// The task a data set is for.
public enum DatasetKind: String, Sendable {
    /// Predict future values of a series (a `Series`, windowed by `ForecastingSet`).
    case forecasting
    /// Predict a class per example (a `LabeledData`, split by `ClassificationSet`).
    case classification
}

/// One line of the data-set catalog: what `datasets()` shows.
public struct DatasetInfo: Equatable, Sendable {
    /// The name `dataset(name)` takes.
    public let name: String
    public let kind: DatasetKind
    /// `[time steps, variates]` for forecasting, `[examples, features]` for classification.
    public let shape: [Int]
    /// What the numbers are, with units.
    public let description: String
    /// Where the data come from (for synthetic sets: the generator).
    public let source: String
    /// The licence under which Spike ships them.
    public let licence: String
}
