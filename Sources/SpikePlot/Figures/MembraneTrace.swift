/// A neuron's membrane potential over time with its firing threshold (dashed) and its spikes
/// (ticks in a strip above the plot).
///
///     MembraneTrace(membrane: trace.membrane, spikes: trace.spikes, threshold: 1, title: "LIF τ=2")
///
/// The y axis always includes 0 (the resting potential). Non-finite membrane values break the
/// line and are counted in a note.
public struct MembraneTrace: Sendable {
    /// Membrane potential per step.
    public var membrane: [Double]
    /// Whether the neuron spiked at each step (indices past `membrane` are still drawn).
    public var spikes: [Bool]
    /// The firing threshold, drawn as a dashed horizontal line.
    public var threshold: Double?
    /// The time of each step; nil uses the step index 0, 1, 2, …
    public var time: [Double]?
    public var title: String
    public var xLabel = "time step"
    public var yLabel = "membrane potential"
    public var width = 640
    public var height = 360

    public init(
        membrane: [Double], spikes: [Bool] = [], threshold: Double? = nil, time: [Double]? = nil, title: String = ""
    ) {
        self.membrane = membrane
        self.spikes = spikes
        self.threshold = threshold
        self.time = time
        self.title = title
    }

    /// The number of steps at which the neuron spiked.
    public var spikeCount: Int {
        spikes.filter { $0 }.count
    }
}

extension MembraneTrace: SVGFigure {
    public var figure: Figure {
        .membrane(self)
    }
}
