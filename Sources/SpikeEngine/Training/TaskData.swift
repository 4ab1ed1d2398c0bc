/// The data a network trains on, by task: windows to forecast or labelled examples to classify.
///
/// The task decides the loss (MSE for forecasting, cross-entropy for classification), the
/// output shape ([horizon, variates] or [classes]) and the metrics `evaluate` reports.
public enum TaskData: Sendable {
    case forecasting(ForecastingSet)
    case classification(ClassificationSet)

    /// The task's name as errors and tables show it.
    public var taskName: String {
        switch self {
        case .forecasting: return "forecasting"
        case .classification: return "classification"
        }
    }

    /// MSE for forecasting, cross-entropy for classification.
    public var loss: Loss {
        switch self {
        case .forecasting: return .mse
        case .classification: return .crossEntropy
        }
    }

    /// One example's input shape: [window, variates] or [features].
    public var exampleShape: [Int] {
        switch self {
        case .forecasting(let set): return [set.window, set.columns.count]
        case .classification(let set): return [set.featureNames.count]
        }
    }

    /// One example's output shape: [horizon, variates] or [classes].
    public var outputShape: [Int] {
        switch self {
        case .forecasting(let set): return [set.horizon, set.columns.count]
        case .classification(let set): return [set.classCount]
        }
    }

    /// The part named `part`.
    public func split(_ part: SplitPart) -> DataSplit {
        switch self {
        case .forecasting(let set): return .forecasting(set.split(part))
        case .classification(let set): return .classification(set.split(part))
        }
    }
}

/// One part of a `TaskData`, handing out mini-batches.
public enum DataSplit: BatchSource, Sendable {
    case forecasting(ForecastingSplit)
    case classification(ClassificationSplit)

    public var count: Int {
        switch self {
        case .forecasting(let split): return split.count
        case .classification(let split): return split.count
        }
    }

    /// Which part (train, valid, test) this is.
    public var part: SplitPart {
        switch self {
        case .forecasting(let split): return split.part
        case .classification(let split): return split.part
        }
    }

    /// All inputs, shape [count] + example shape.
    public var inputs: Tensor {
        switch self {
        case .forecasting(let split): return split.inputs
        case .classification(let split): return split.inputs
        }
    }

    public func batch(_ indices: [Int]) throws -> Batch {
        switch self {
        case .forecasting(let split): return try split.batch(indices)
        case .classification(let split): return try split.batch(indices)
        }
    }

    /// Throws `.value(argument: .data)` when the part holds no example.
    func requireExamples() throws {
        guard count > 0 else {
            throw EngineError.value(argument: .data, message: "the \(part.rawValue) split is empty")
        }
    }
}
