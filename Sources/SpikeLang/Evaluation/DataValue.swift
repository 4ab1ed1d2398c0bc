import SpikeEngine

/// A data value of the language: a series, a windowed forecasting set or a classification
/// set, and the parts (`.train`, `.valid`, `.test`) of either set.
enum DataValue: Equatable {
    /// A time × variates series (`dataset("electricity")`, `load_csv`, `synthetic`).
    case series(Series)
    /// `windows(series, ...)`: inputs and targets cut by window, split and normalized.
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

    /// The member names after `.`, in the order completion lists them.
    var memberNames: [String] {
        switch self {
        case .series: return ["name", "shape", "columns", "length", "variates", "values", "time", "missing"]
        case .forecasting: return ["train", "valid", "test", "window", "horizon", "columns", "normalize", "name"]
        case .forecastingSplit: return ["inputs", "targets", "count", "shape", "part", "steps"]
        case .classification: return ["train", "valid", "test", "classes", "features", "name"]
        case .classificationSplit: return ["inputs", "labels", "count", "shape", "part"]
        }
    }

    /// The member `name`, computed when asked for, or nil when there is none.
    func member(_ name: String) -> Value? {
        switch self {
        case .series(let series): return Self.member(of: series, name)
        case .forecasting(let set): return Self.member(of: set, name)
        case .classification(let set): return Self.member(of: set, name)
        case .forecastingSplit(let split):
            switch name {
            case "inputs": return .tensor(split.inputs)
            case "targets": return .tensor(split.targets)
            case "count": return .number(Double(split.count))
            case "shape": return Self.numbers(split.inputs.shape)
            case "part": return .string(split.part.rawValue)
            case "steps": return Self.numbers([split.rows.lowerBound, split.rows.upperBound])
            default: return nil
            }
        case .classificationSplit(let split):
            switch name {
            case "inputs": return .tensor(split.inputs)
            case "labels": return Self.numbers(split.labels)
            case "count": return .number(Double(split.count))
            case "shape": return Self.numbers(split.inputs.shape)
            case "part": return .string(split.part.rawValue)
            default: return nil
            }
        }
    }

    private static func member(of series: Series, _ name: String) -> Value? {
        switch name {
        case "name": return .string(series.name)
        case "shape": return numbers(series.shape)
        case "columns": return .list(series.columns.map { .string($0) })
        case "length": return .number(Double(series.length))
        case "variates": return .number(Double(series.variates))
        case "values": return .tensor(series.tensor)
        case "time": return series.timeLabels.map { .list($0.map { .string($0) }) } ?? Value.none
        case "missing": return .number(Double(series.missing.total))
        default: return nil
        }
    }

    private static func member(of set: ForecastingSet, _ name: String) -> Value? {
        switch name {
        case "train": return .data(.forecastingSplit(set.train))
        case "valid": return .data(.forecastingSplit(set.valid))
        case "test": return .data(.forecastingSplit(set.test))
        case "window": return .number(Double(set.window))
        case "horizon": return .number(Double(set.horizon))
        case "columns": return .list(set.columns.map { .string($0) })
        case "normalize": return .string(set.normalizer.kind.rawValue)
        case "name": return .string(set.name)
        default: return nil
        }
    }

    private static func member(of set: ClassificationSet, _ name: String) -> Value? {
        switch name {
        case "train": return .data(.classificationSplit(set.train))
        case "valid": return .data(.classificationSplit(set.valid))
        case "test": return .data(.classificationSplit(set.test))
        case "classes": return .number(Double(set.classCount))
        case "features": return .number(Double(set.featureNames.count))
        case "name": return .string(set.name)
        default: return nil
        }
    }

    private static func numbers(_ integers: [Int]) -> Value {
        .list(integers.map { .number(Double($0)) })
    }
}
