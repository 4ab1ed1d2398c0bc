import SpikeEngine

/// A data value of the language: a series, a windowed forecasting set or a classification
/// set, and the parts (`.train`, `.valid`, `.test`) of either set.
enum DataValue: Equatable {
    /// A time × variates series (`dataset("electricity")`, `load_csv`, `synthetic`).
    case series(Series)
    /// `windows(series, ...)`: inputs and targets cut by window, split and normalised.
    case forecasting(ForecastingSet)
    /// One part of a forecasting set.
    case forecastingSplit(ForecastingSplit)
    /// A labelled data set split for classification (`dataset("digits")`).
    case classification(ClassificationSet)
    /// One part of a classification set.
    case classificationSplit(ClassificationSplit)

    /// The kind as it reads in a message.
    var typeName: String {
        switch self {
        case .series: return "a series"
        case .forecasting: return "a forecasting set"
        case .classification: return "a classification set"
        case .forecastingSplit, .classificationSplit: return "a data split"
        }
    }

    /// The members after `.`, in the order completion lists them.
    var members: [(String, Value)] {
        switch self {
        case .series(let series):
            return [
                ("name", .string(series.name)),
                ("shape", Self.numbers(series.shape)),
                ("columns", .list(series.columns.map { .string($0) })),
                ("length", .number(Double(series.length))),
                ("variates", .number(Double(series.variates))),
                ("values", .tensor(series.tensor)),
                ("time", series.timeLabels.map { .list($0.map { .string($0) }) } ?? .none),
                ("missing", .number(Double(series.missing.total))),
            ]
        case .forecasting(let set):
            return [
                ("train", .data(.forecastingSplit(set.train))),
                ("valid", .data(.forecastingSplit(set.valid))),
                ("test", .data(.forecastingSplit(set.test))),
                ("window", .number(Double(set.window))),
                ("horizon", .number(Double(set.horizon))),
                ("columns", .list(set.columns.map { .string($0) })),
                ("normalize", .string(set.normalizer.kind.rawValue)),
                ("name", .string(set.name)),
            ]
        case .forecastingSplit(let split):
            return [
                ("inputs", .tensor(split.inputs)),
                ("targets", .tensor(split.targets)),
                ("count", .number(Double(split.count))),
                ("shape", Self.numbers(split.inputs.shape)),
                ("part", .string(split.part.rawValue)),
                ("steps", Self.numbers([split.rows.lowerBound, split.rows.upperBound])),
            ]
        case .classification(let set):
            return [
                ("train", .data(.classificationSplit(set.train))),
                ("valid", .data(.classificationSplit(set.valid))),
                ("test", .data(.classificationSplit(set.test))),
                ("classes", .number(Double(set.classCount))),
                ("features", .number(Double(set.featureNames.count))),
                ("name", .string(set.name)),
            ]
        case .classificationSplit(let split):
            return [
                ("inputs", .tensor(split.inputs)),
                ("labels", Self.numbers(split.labels)),
                ("count", .number(Double(split.count))),
                ("shape", Self.numbers(split.inputs.shape)),
                ("part", .string(split.part.rawValue)),
            ]
        }
    }

    /// The member names, without computing the values.
    var memberNames: [String] {
        switch self {
        case .series: return ["name", "shape", "columns", "length", "variates", "values", "time", "missing"]
        case .forecasting: return ["train", "valid", "test", "window", "horizon", "columns", "normalize", "name"]
        case .forecastingSplit: return ["inputs", "targets", "count", "shape", "part", "steps"]
        case .classification: return ["train", "valid", "test", "classes", "features", "name"]
        case .classificationSplit: return ["inputs", "labels", "count", "shape", "part"]
        }
    }

    private static func numbers(_ integers: [Int]) -> Value {
        .list(integers.map { .number(Double($0)) })
    }
}
