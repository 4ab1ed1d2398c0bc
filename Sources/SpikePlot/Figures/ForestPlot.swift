/// A forest plot: one row per estimate (a paired difference), its point and 95% interval as a
/// whisker against a reference line at zero, rows optionally grouped under headings.
///
///     ForestPlot(rows: [
///         .init("cpg − sinusoidal", estimate: 0.012, low: -0.004, high: 0.028, count: 20, group: "traffic, h = 6"),
///         .init("cpg − none", estimate: 0.031, low: 0.012, high: 0.050, count: 20, group: "traffic, h = 6"),
///     ], title: "paired R² differences", xLabel: "difference in r2 (95% CI)")
///
/// Each row's label (with "n = …" when `count` is given) sits left of the axis and its value
/// "estimate [low, high]" right of it; rows of the same label share a colour. A group's heading
/// is drawn above its first row. Non-finite estimates are skipped with a note; a non-finite
/// interval end leaves just the point.
public struct ForestPlot: Sendable {
    /// One estimate with its interval.
    public struct Row: Sendable {
        public var label: String
        public var estimate: Double
        public var low: Double
        public var high: Double
        /// The number of seeds behind the estimate, shown as "n = …"; nil to leave it out.
        public var count: Int?
        /// The heading the row is listed under; rows of one group should be adjacent.
        public var group: String

        public init(_ label: String, estimate: Double, low: Double, high: Double, count: Int? = nil, group: String = "") {
            self.label = label
            self.estimate = estimate
            self.low = low
            self.high = high
            self.count = count
            self.group = group
        }
    }

    public var rows: [Row]
    public var title: String
    public var xLabel: String
    /// Where the reference line is drawn (no difference).
    public var reference = 0.0
    public var width = 640

    public init(rows: [Row], title: String = "", xLabel: String = "") {
        self.rows = rows
        self.title = title
        self.xLabel = xLabel
    }
}

extension ForestPlot: SVGFigure {
    public var figure: Figure {
        .forest(self)
    }
}
