/// A matrix drawn as coloured cells with a colour bar: positional-encoding matrices, attention
/// maps, parameter sweeps.
///
///     var map = Heatmap(matrix: pe, title: "CPG-PE", xLabel: "channel", yLabel: "position")
///     map.colorMap = .diverging
///
/// Row 0 is at the top. Matrices larger than the plot (half its pixels, or beyond 120 × 120 cells)
/// are shown as block means so the SVG stays small; cells whose value is NaN or ±∞ are left
/// blank and counted in a note. Cells of one colour level (64 levels) share one `<path>`.
public struct Heatmap: Sendable {
    /// The values, one inner array per row; ragged rows are padded with blanks.
    public var matrix: [[Double]]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Names of the rows (top to bottom) and of the columns, e.g. the values of a sweep; nil
    /// numbers them 0, 1, 2, … Crowded labels are thinned to every k-th.
    public var rowLabels: [String]?
    public var columnLabels: [String]?
    /// The caption of the colour bar.
    public var valueLabel = ""
    public var colorMap = ColorMap.automatic
    /// Writes each cell's value in it (3 significant digits); nil does so for at most 144
    /// unaggregated cells of at least 32 × 18 px.
    public var annotate: Bool?
    /// The value range mapped onto the colours; nil fits the finite data.
    public var range: ClosedRange<Double>?
    public var width = 640
    /// The figure height; nil derives it from the matrix's aspect (240…560 px).
    public var height: Int?

    public init(matrix: [[Double]], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.matrix = matrix
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Rows × columns of the matrix (columns = the longest row).
    public var shape: (rows: Int, columns: Int) {
        (matrix.count, matrix.map(\.count).max() ?? 0)
    }
}

extension Heatmap: SVGFigure {
    public var figure: Figure {
        .heatmap(self)
    }
}
