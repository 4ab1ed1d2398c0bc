import SpikeEngine
import SpikePlot

/// Turns values into what the notebook shows: text always, plus SVG for figures and traces
/// (a trace's default view is its membrane-and-spikes plot, an encoding's its raster) and
/// HTML for tables and tensors.
enum Presenter {
    /// What the notebook shows for `value`.
    ///
    /// With `isCancelled`, the one view whose cost grows with the value past what is shown —
    /// a large tensor's summary — polls it and ends with `EngineError.interrupted`.
    ///
    /// A figure is sent as SVG, PNG or both, as `figures` says (PNG through ``SVGRaster``).
    static func rendering(
        of value: Value, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil,
        figures: FigureFormat = .standard
    ) throws -> Rendering {
        var rendering = try viewRendering(of: value, budget: budget, isCancelled: isCancelled)
        guard let svg = rendering.svg, figures != .svg else { return rendering }
        if let image = SVGRaster.png(from: svg) {
            rendering.png = Rendering.PNGImage(bytes: image.png, width: image.width, height: image.height)
            if !figures.includesSVG { rendering.svg = nil }
        }
        return rendering
    }

    private static func viewRendering(of value: Value, budget: MemoryBudget, isCancelled: CancellationCheck?) throws
        -> Rendering
    {
        switch value {
        case .encoding(let encoding):
            return Rendering(plain: EngineText.encoding(encoding), svg: EncodingView.figure(of: encoding, budget: budget)?.svg())
        case .trace(let trace):
            return Rendering(plain: EngineText.trace(trace), svg: Figure.membrane(TraceView.figure(of: trace)).svg())
        case .figure(let figure):
            return Rendering(plain: figure.description, svg: figure.svg())
        case .table(let table):
            return Rendering(plain: table.text(), html: table.html())
        case .blueprint(let blueprint):
            return Rendering(plain: BlueprintText.text(of: blueprint), html: BlueprintText.table(of: blueprint).html())
        case .tensor(let tensor):
            let plain = try isCancelled.map { try EngineText.tensor(tensor, isCancelled: $0) } ?? EngineText.tensor(tensor)
            return Rendering(plain: plain, html: TensorView.table(of: tensor)?.html())
        case .data(let data):
            return DatasetView.rendering(of: data)
        case .model(let value):
            return ModelValueView.rendering(of: value)
        case .markdown(let text):
            return Rendering(plain: text, markdown: text)
        default:
            return Rendering(plain: ValueText.text(of: value, limit: ValueText.displayLimit))
        }
    }
}
