/// A scatter plot of one or many named point clouds.
///
///     ScatterPlot(series: [.init("cpg", x: distinct, y: r2), .init("sin", x: d2, y: r2b)],
///                 title: "Codes vs accuracy", xLabel: "distinct codes", yLabel: "R²")
///
/// Each series is one `<path>` of dots (zero-length segments with round caps). In clouds of
/// more than 5 000 points, dots landing on the same spot (1 px, or 3 px past 20 000 points) are
/// drawn once, so 100 000 points stay a few hundred kilobytes. NaN and ±∞ (and values ≤ 0 on a
/// log axis) are skipped with a note.
public struct ScatterPlot: Sendable {
    /// One named cloud of (x, y) points; extra values of the longer array are ignored.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]

        public init(_ name: String = "", x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public var series: [Series]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    public var width = 640
    public var height = 400

    public init(series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// A scatter plot of a single unnamed series.
    public init(x: [Double], y: [Double], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.init(series: [Series(x: x, y: y)], title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

extension ScatterPlot: SVGFigure {
    public var figure: Figure {
        .scatter(self)
    }
}
