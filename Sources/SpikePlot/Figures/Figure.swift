/// Any Spike figure: one value the language can hold, show as SVG and describe as text.
///
///     let figure = Figure.line(LinePlot(y: [1, 4, 9]))
///     figure.svg()         // image/svg+xml
///     figure.description   // text/plain
///
/// SpikePlot takes numbers and strings only. Every figure is a value built from plain arrays
/// (`LinePlot`, `SpikeRaster`, `MembraneTrace`, `Heatmap`, `BarChart`, `ScatterPlot`, `ForestPlot`, and
/// `FigureGrid` for small multiples); `Table` is the tabular counterpart (`html()`, `text()`).
/// Output is a standalone SVG document: `width`/`height` and `viewBox`, a light card that reads
/// on light and dark notebook themes, Paul Tol's colour-blind-safe palette, no CSS or scripts.
/// All outside text goes through one escaping function (`Markup.escape`), so labels such as
/// `<script>` stay text. NaN and ±∞ are skipped with a visible note; empty data gives a valid
/// figure saying so; long lines are thinned per pixel column.
public enum Figure: Sendable {
    case line(LinePlot)
    case raster(SpikeRaster)
    case membrane(MembraneTrace)
    case heatmap(Heatmap)
    case bar(BarChart)
    case scatter(ScatterPlot)
    case grid(FigureGrid)
    case forest(ForestPlot)

    var panel: Panel {
        switch self {
        case .line(let plot): return plot
        case .raster(let raster): return raster
        case .membrane(let trace): return trace
        case .heatmap(let map): return map
        case .bar(let chart): return chart
        case .scatter(let plot): return plot
        case .grid(let grid): return grid
        case .forest(let plot): return plot
        }
    }

    /// The figure's size in pixels.
    public var size: (width: Int, height: Int) {
        panel.size
    }
}

extension Figure: SVGFigure {
    public var figure: Figure {
        self
    }
}
