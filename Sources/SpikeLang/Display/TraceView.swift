import SpikeEngine
import SpikePlot

/// A trace's membrane-and-spikes figure: the charge H[t] (the potential that is compared with
/// the threshold, before the reset), the dashed threshold, and a tick at every spike.
enum TraceView {
    static func figure(of trace: Trace, title: String = "") -> MembraneTrace {
        var figure = MembraneTrace(
            membrane: trace.charge, spikes: trace.spikes, threshold: trace.threshold,
            time: (0..<trace.steps).map { Double($0 + 1) },
            title: title.isEmpty ? "\(trace.family) membrane and spikes" : title)
        figure.yLabel = "membrane potential before reset H[t]"
        return figure
    }
}
