/// The estimated energy of one inference, stage by stage, as SNN papers report it
/// (docs/science.md §5): a stage fed spikes does synaptic accumulates, SOPs = rate × MACs (that is,
/// T · firing rate · FLOPs per step), at 0.9 pJ each; a stage fed real values does its MACs at
/// 4.6 pJ each. The float network of the same shape would do every MAC at 4.6 pJ.
public struct EnergyReport: Equatable, Sendable {
    /// Energy per operation (45 nm CMOS figures used by the SNN literature), in picojoules.
    public static let picojoulesPerAccumulate = 0.9
    public static let picojoulesPerMAC = 4.6

    /// One stage's measurements, per example.
    public struct Row: Equatable, Sendable {
        public let stage: String
        /// Whether the stage's input is spikes (0/1, or sums of spikes from residual connections).
        public let spikingInput: Bool
        /// The mean input value: the firing rate for binary spikes (nil for real-valued input).
        public let inputRate: Double?
        /// The fraction of non-zero outputs (nil when the output is not spikes).
        public let outputRate: Double?
        public let macs: Double
        /// Synaptic operations (accumulates): rate × MACs for spiking input, else 0.
        public let sops: Double
        /// This stage's energy in the spiking network and as a float network, in picojoules.
        public let energy: Double
        public let floatEnergy: Double
    }

    public let rows: [Row]
    /// How many examples the rates were measured on.
    public let examples: Int

    public var totalSOPs: Double { rows.reduce(0) { $0 + $1.sops } }
    public var totalMACs: Double { rows.reduce(0) { $0 + $1.macs } }
    public var totalEnergy: Double { rows.reduce(0) { $0 + $1.energy } }
    public var totalFloatEnergy: Double { rows.reduce(0) { $0 + $1.floatEnergy } }
}
