/// The record of one `Trainer.train` call: losses per epoch and per step, the best epoch,
/// its weights, and why it stopped.
///
/// The network itself ends with the best weights (lowest validation loss); the run keeps a
/// copy of them so they survive further training of the network. An interrupted run is a
/// partial one (`stop == .interrupted`): the epochs that finished, the steps done.
public struct TrainingRun: Sendable {
    /// The network's blueprint name ("spikformer", "linear >> lif", ...).
    public let model: String
    public let task: String
    public let options: TrainingOptions
    public let epochs: [EpochRecord]
    /// The training loss of every optimizer step, in order.
    public let stepLosses: [Double]
    /// The 1-based epoch with the lowest validation loss (nil if no epoch finished).
    public let bestEpoch: Int?
    public let bestParameters: [Tensor]
    public let bestBuffers: [Tensor]
    public let stop: StopReason
    /// Total wall time in seconds.
    public let seconds: Double

    /// Whether the network was given the best epoch's weights at the end: true once an epoch
    /// finished; false for a run interrupted in its first epoch (the network keeps its weights
    /// as they were when interrupted).
    public var keptBestWeights: Bool { bestEpoch != nil }

    /// The epoch that was running when the run was interrupted (nil unless `.interrupted`).
    public var interruptedEpoch: Int? {
        stop == .interrupted ? epochs.count + 1 : nil
    }

    /// The lowest validation loss reached.
    public var bestValidLoss: Double? {
        guard let bestEpoch else { return nil }
        return epochs.first { $0.epoch == bestEpoch }?.validLoss
    }
}
