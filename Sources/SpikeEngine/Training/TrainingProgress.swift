/// Where a training run is, as the progress callback sees it after every batch.
public struct TrainingProgress: Equatable, Sendable {
    /// 1-based epoch and batch within the epoch.
    public let epoch: Int
    public let epochs: Int
    public let batch: Int
    public let batches: Int
    /// The mean training loss of this epoch's batches so far.
    public let loss: Double
    /// The previous epoch's validation loss (nil during the first epoch).
    public let validLoss: Double?
    /// Seconds since training began, and the estimated seconds left (from the mean step time).
    public let elapsed: Double
    public let remaining: Double

    /// The fraction of all batches done, in [0, 1].
    public var fraction: Double {
        let total = epochs * batches
        return total == 0 ? 1 : Double((epoch - 1) * batches + batch) / Double(total)
    }
}

/// One epoch of a run: its mean training loss, validation loss (and validation accuracy for
/// classification) and wall time.
public struct EpochRecord: Equatable, Sendable {
    public let epoch: Int
    public let trainLoss: Double
    public let validLoss: Double
    /// The fraction of data.valid classified right after this epoch; nil for forecasting.
    public let validAccuracy: Double?
    public let seconds: Double
}

/// Why a run ended.
public enum StopReason: Equatable, Sendable {
    /// Every epoch ran.
    case completed
    /// The validation loss did not improve for `patience` epochs; stopped after `epoch`.
    case earlyStopped(epoch: Int)
    /// The cancellation check fired during epoch `epochs.count + 1`; the network keeps the best
    /// finished epoch's weights, or its weights as they were when no epoch finished.
    case interrupted
}
