/// One named part of a built network, as its summary table and energy report show it.
///
/// Shapes include the batch axis, marked −1 (shown as "B"): e.g. [4, −1, 48, 64] for spikes
/// of 4 time steps, 48 positions and 64 features.
public struct Stage: Sendable {
    /// What the part is ("conv_encoder", "linear", "ssa (residual)", ...).
    public let name: String
    var layer: any Layer
    /// The shape the part receives and the shape it gives, batch axis −1.
    public let inputShape: [Int]
    public let outputShape: [Int]
    /// Spiking neurons per example (per time step).
    public let neurons: Int
    /// Multiply-accumulates per example over all time steps, as a float network would do them.
    public let macs: Int
    /// Whether the part receives spikes (or sums of spikes) and whether it gives them; a part
    /// fed spikes does accumulates instead of multiply-accumulates.
    public let receivesSpikes: Bool
    public let emitsSpikes: Bool
    /// The stages inside a wrapping stage (e.g. iSpikformer's per-window normalization), for display.
    public let parts: [Stage]

    /// The number of trainable scalars.
    public var parameterCount: Int { layer.parameterCount }
}
