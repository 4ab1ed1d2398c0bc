/// One neuron's run over time: per step t = 1…T, the charge before reset, the membrane after
/// reset and whether it spiked. Index 0 of each array is step t = 1.
public struct Trace: Equatable, Sendable {
    /// H[t]: the membrane potential after charging, before the reset (what crosses the threshold).
    public let charge: [Double]
    /// V[t]: the membrane potential after the reset (the state carried to the next step).
    public let membrane: [Double]
    /// S[t]: whether the neuron fired at step t.
    public let spikes: [Bool]
    /// The threshold V_th the neuron used, for plotting.
    public let threshold: Double
    /// The neuron family's short name ("LIF", "IF", "PLIF"), for titles.
    public let family: String

    public init(charge: [Double], membrane: [Double], spikes: [Bool], threshold: Double, family: String = "LIF") {
        self.charge = charge
        self.membrane = membrane
        self.spikes = spikes
        self.threshold = threshold
        self.family = family
    }

    /// The number of steps T.
    public var steps: Int { spikes.count }

    /// The steps (1-based) at which the neuron fired.
    public var spikeSteps: [Int] {
        spikes.indices.filter { spikes[$0] }.map { $0 + 1 }
    }

    /// The first step (1-based) at which the neuron fired, or `nil`.
    public var firstSpike: Int? {
        spikes.firstIndex(of: true).map { $0 + 1 }
    }

    /// The fraction of steps with a spike (0 for an empty trace).
    public var firingRate: Double {
        spikes.isEmpty ? 0 : Double(spikes.filter { $0 }.count) / Double(spikes.count)
    }
}
