/// The record of one `Trainer.train` call: losses per epoch and per step, the best epoch,
/// its weights, and why it stopped.
///
/// The network itself ends with the best weights (lowest validation loss); the run keeps a
/// copy of them so they survive further training of the network.
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

    /// The lowest validation loss reached.
    public var bestValidLoss: Double? {
        guard let bestEpoch else { return nil }
        return epochs.first { $0.epoch == bestEpoch }?.validLoss
    }
}
