import SpikeEngine
import SpikePlot

/// An encoding's default view: the raster of its first positions for spike codes (CPG-PE,
/// random ±1 code), a heatmap for the float sinusoidal one; encodings computed inside a
/// network (relative, learnable) and `none` have no fixed matrix and show as text only.
enum EncodingView {
    /// Positions shown, and channels for the sinusoidal and added CPG encodings (whose width the model sets).
    static let length = 64
    static let sinusoidalChannels = 10

    static func figure(of encoding: PositionalEncoding, budget: MemoryBudget) -> Figure? {
        let title = EngineText.encoding(encoding) + ", first \(length) positions"
        switch encoding {
        case .cpg, .randomCode:
            guard let matrix = try? encoding.encode(length: length, budget: budget) else { return nil }
            var raster = SpikeRaster(matrix: FigureBuilder.columns(of: matrix), title: title)
            raster.xLabel = "position"
            raster.yLabel = "channel"
            return .raster(raster)
        case .cpgAdded:
            guard let matrix = try? encoding.encode(length: length, channels: sinusoidalChannels, budget: budget) else { return nil }
            var raster = SpikeRaster(matrix: FigureBuilder.columns(of: matrix), title: title + ", \(sinusoidalChannels) channels")
            raster.xLabel = "position"
            raster.yLabel = "channel"
            return .raster(raster)
        case .sinusoidal:
            guard let matrix = try? encoding.encode(length: length, channels: sinusoidalChannels, budget: budget) else { return nil }
            return .heatmap(Heatmap(matrix: FigureBuilder.columns(of: matrix), title: title, xLabel: "position", yLabel: "channel"))
        case .relative, .learnable, .none:
            return nil
        }
    }
}
