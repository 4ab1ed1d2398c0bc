/// A line plot of one or many named series, with optional x values, markers, mean ± spread
/// bands and log axes.
///
///     var plot = LinePlot(series: [
///         .init("train", y: trainLoss),
///         .init("valid", y: validLoss, spread: validStd),
///     ], title: "Loss", xLabel: "epoch", yLabel: "MSE")
///     plot.yScale = .log
///     let svg = plot.svg()
///
/// Points whose x or y is NaN or ±∞ (or ≤ 0 on a log axis) are skipped: the line breaks there
/// and a note under the plot says how many. Lines with more points than pixel columns are
/// thinned per column (see `Decimation`), so 100 000 points draw in a few tens of kilobytes.
public struct LinePlot: Sendable {
    /// One named line: y values, optional x values (default 0, 1, 2, …) and an optional band
    /// half-width per point (e.g. one standard deviation) drawn as a shaded area y ± spread.
    public struct Series: Sendable {
        public var name: String
        public var y: [Double]
        public var x: [Double]?
        public var spread: [Double]?

        public init(_ name: String = "", y: [Double], x: [Double]? = nil, spread: [Double]? = nil) {
            self.name = name
            self.y = y
            self.x = x
            self.spread = spread
        }
    }

    public var series: [Series]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// A fixed x-axis range (e.g. 0...epochs while training, so a live plot does not rescale);
    /// nil fits the data. Ignored unless finite, non-empty and (on a log axis) positive.
    public var xRange: ClosedRange<Double>?
    /// A fixed y-axis range; nil fits the data. Lines leaving it are clipped at the axes.
    public var yRange: ClosedRange<Double>?
    /// Draws a dot at every point (lines with more than 500 points are never marked).
    public var markers = false
    /// Size of the whole figure in pixels.
    public var width = 640
    public var height = 400

    public init(series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// A plot of a single unnamed series.
    public init(y: [Double], x: [Double]? = nil, title: String = "", xLabel: String = "", yLabel: String = "") {
        self.init(series: [Series(y: y, x: x)], title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

extension LinePlot: SVGFigure {
    public var figure: Figure {
        .line(self)
    }
}
