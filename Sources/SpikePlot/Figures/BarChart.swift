/// A bar chart: one bar per category and series, grouped side by side, with optional error bars.
///
///     BarChart(categories: ["none", "sin", "cpg"], series: [
///         .init("r2", values: [0.81, 0.86, 0.9], errors: [0.02, 0.01, 0.015]),
///         .init("accuracy", values: [0.7, 0.74, 0.79]),
///     ], title: "Encodings")
///
/// Bars start at zero (the axis always includes it); NaN or ±∞ values leave a gap and are
/// counted in a note. Each series is one `<path>`; its error bars another.
public struct BarChart: Sendable {
    /// One named group member: a value per category and an optional ± error per category.
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public var errors: [Double]?

        public init(_ name: String = "", values: [Double], errors: [Double]? = nil) {
            self.name = name
            self.values = values
            self.errors = errors
        }
    }

    public var categories: [String]
    public var series: [Series]
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var width = 640
    public var height = 400

    public init(categories: [String], series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") {
        self.categories = categories
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// A chart of a single unnamed series.
    public init(
        categories: [String], values: [Double], errors: [Double]? = nil, title: String = "",
        xLabel: String = "", yLabel: String = ""
    ) {
        self.init(
            categories: categories, series: [Series(values: values, errors: errors)], title: title,
            xLabel: xLabel, yLabel: yLabel)
    }
}

extension BarChart: SVGFigure {
    public var figure: Figure {
        .bar(self)
    }
}
