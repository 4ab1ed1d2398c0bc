/// A spike raster: one row per neuron, a short vertical tick at every spike time.
///
///     SpikeRaster(matrix: spikes)            // neurons × steps, nonzero = spike
///     SpikeRaster(spikeTimes: [[1.5, 7], [3]], duration: 10)
///
/// Neuron 0 is the top row, as in a matrix. Each neuron's spikes are one `<path>` of
/// `M x y v h` commands, so thousands of spikes cost about 12 bytes each.
public struct SpikeRaster: Sendable {
    /// Spike times per neuron, in x-axis units (time steps for a matrix).
    public var spikeTimes: [[Double]]
    /// The end of the time axis; nil fits it to the data.
    public var duration: Double?
    public var title: String
    public var xLabel = "time step"
    public var yLabel = "neuron"
    public var width = 640
    /// The figure height; nil sizes it from the number of neurons (160…420 px).
    public var height: Int?
    /// Whether times are whole steps (from a matrix): ticks are centred on their step.
    let discrete: Bool
    /// Entries that were NaN or ±∞ and could not be placed.
    let skipped: Int

    /// A raster of a neurons × steps matrix: entry [n][t] nonzero means neuron n spiked at step t.
    public init(matrix: [[Double]], title: String = "") {
        var skipped = 0
        spikeTimes = matrix.map { row in
            var times: [Double] = []
            for (step, value) in row.enumerated() {
                if value.isNaN || value.isInfinite { skipped += 1 } else if value != 0 { times.append(Double(step)) }
            }
            return times
        }
        duration = Double(matrix.map(\.count).max() ?? 0)
        self.title = title
        discrete = true
        self.skipped = skipped
    }

    /// A raster from spike times per neuron; `duration` ends the time axis (default: last spike).
    public init(spikeTimes: [[Double]], duration: Double? = nil, title: String = "") {
        var skipped = 0
        self.spikeTimes = spikeTimes.map { times in
            times.filter { time in
                if time.isFinite { return true }
                skipped += 1
                return false
            }
        }
        self.duration = duration.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.title = title
        discrete = false
        self.skipped = skipped
    }

    /// The total number of spikes.
    public var spikeCount: Int {
        spikeTimes.reduce(0) { $0 + $1.count }
    }
}

extension SpikeRaster: SVGFigure {
    public var figure: Figure {
        .raster(self)
    }
}
