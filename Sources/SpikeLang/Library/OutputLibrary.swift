import SpikePlot

/// Output builtins that draw: `plot`, `raster`, `table` (figures and tables from SpikePlot),
/// and `markdown` (formatted text).
enum OutputLibrary {
    static func builtins() -> [Builtin] {
        [plot(), raster(), heatmap(), bar(), scatter(), grid(), table(), markdown()]
    }

    private static func markdown() -> Builtin {
        Builtin(
            "markdown", topic: .output,
            summary: "Markdown text shown formatted (text/markdown, with the text itself as text/plain); display() shows it mid-cell."
        ) { p in
            let text = p.declare("text", .string, doc: "the Markdown source")
            return { arguments, _ in .markdown(try arguments[text]) }
        }
    }

    /// The labels most figures take: `title`, `xlabel`, `ylabel`.
    private struct Labels {
        let title: Param<String>
        let xlabel: Param<String>?
        let ylabel: Param<String>?

        /// Declares `title`, and `xlabel` and `ylabel` when `axes` is true.
        init(_ p: Declarations, axes: Bool = true) {
            title = p.declare("title", .string, default: "", doc: "the figure's title")
            xlabel = axes ? p.declare("xlabel", .string, default: "", doc: "the horizontal axis's label") : nil
            ylabel = axes ? p.declare("ylabel", .string, default: "", doc: "the vertical axis's label") : nil
        }

        func read(_ arguments: Arguments) throws -> (title: String, x: String, y: String) {
            (try arguments[title], try xlabel.map { try arguments[$0] } ?? "", try ylabel.map { try arguments[$0] } ?? "")
        }
    }

    private static func heatmap() -> Builtin {
        Builtin(
            "heatmap", topic: .output,
            summary: "A matrix (tensor or list of rows) as coloured cells with a colour bar; row 0 at the top."
        ) { p in
            let matrix = p.declare("matrix", .any, doc: "a 2-D tensor or a list of rows")
            let labels = Labels(p)
            return { arguments, evaluator in
                let value = try arguments[matrix]
                try evaluator.checkBudget(
                    count: FigureBuilder.cellCount(of: value), bytesEach: FigureBuilder.bytesPerHeatmapCell, at: arguments.callRange)
                let cells = try FigureBuilder.matrix(from: value, at: arguments.range(of: matrix))
                let text = try labels.read(arguments)
                return .figure(.heatmap(Heatmap(matrix: cells, title: text.title, xLabel: text.x, yLabel: text.y)))
            }
        }
    }

    private static func bar() -> Builtin {
        Builtin(
            "bar", topic: .output,
            summary: "A bar chart of a record {name: value}; {name: {mean: m, std: s}} adds error bars; a record of records groups bars."
        ) { p in
            let record = p.declare("record", .any, doc: "{name: value}, {name: {mean: m, std: s}} or a record of records")
            let labels = Labels(p, axes: false)
            return { arguments, _ in
                let (categories, series) = try FigureBuilder.bars(from: try arguments[record], at: arguments.range(of: record))
                return .figure(.bar(BarChart(categories: categories, series: series, title: try labels.read(arguments).title)))
            }
        }
    }

    private static func scatter() -> Builtin {
        Builtin("scatter", topic: .output, summary: "A scatter plot of the points (x[i], y[i]).") { p in
            let x = p.declare("x", .any, doc: "the horizontal positions: a list or a vector")
            let y = p.declare("y", .any, doc: "the vertical positions, as many as x")
            let labels = Labels(p)
            return { arguments, evaluator in
                try evaluator.checkBudget(
                    count: FigureBuilder.pointCount(of: try arguments[x]),
                    bytesEach: FigureBuilder.bytesPerShownPoint, at: arguments.callRange)
                let xs = try FigureBuilder.numbers(try arguments[x], context: "scatter(): 'x'", at: arguments.range(of: x))
                let ys = try FigureBuilder.numbers(try arguments[y], context: "scatter(): 'y'", at: arguments.range(of: y))
                guard xs.count == ys.count else { throw arguments.invalid(y, "has \(ys.count) values but 'x' has \(xs.count)") }
                let text = try labels.read(arguments)
                return .figure(.scatter(ScatterPlot(x: xs, y: ys, title: text.title, xLabel: text.x, yLabel: text.y)))
            }
        }
    }

    private static func grid() -> Builtin {
        Builtin("grid", topic: .output, summary: "Small multiples: a list of figures (or traces) laid out in a grid.") { p in
            let figures = p.declare("figures", .any, doc: "a list of figures or traces")
            let columns = p.declare("columns", .integer, default: 2, doc: "panels per row")
            let labels = Labels(p, axes: false)
            return { arguments, _ in
                guard case .list(let items) = try arguments[figures] else {
                    throw arguments.mismatch(figures, expected: "a list of figures")
                }
                let panels = try items.map { item -> Figure in
                    switch item {
                    case .figure(let figure): return figure
                    case .trace(let trace): return .membrane(TraceView.figure(of: trace))
                    default:
                        throw Diagnostic(
                            .elementType(context: "grid(): 'figures'", expected: "figures", got: item.typeName),
                            at: arguments.range(of: figures))
                    }
                }
                let count = try arguments[columns]
                guard count >= 1 else { throw arguments.invalid(columns, "must be at least 1") }
                return .figure(.grid(FigureGrid(panels: panels, columns: count, title: try labels.read(arguments).title)))
            }
        }
    }

    private static func plot() -> Builtin {
        Builtin(
            "plot", topic: .output,
            summary: "A line plot of a list, a vector, a matrix (one line per column) or a record of named series."
        ) { p in
            let y = p.declare("y", .any, doc: "a list, a vector, a matrix (one line per column) or a record of named series")
            let x = p.declare("x", .any, default: Value.none, doc: "the horizontal positions; none: 0, 1, 2, …")
            let labels = Labels(p)
            return { arguments, evaluator in
                let xValue = try arguments[x]
                let xs = xValue.isNone ? nil : try FigureBuilder.numbers(xValue, context: "plot(): 'x'", at: arguments.range(of: x))
                let yValue = try arguments[y]
                try evaluator.checkBudget(
                    count: FigureBuilder.pointCount(of: yValue), bytesEach: FigureBuilder.bytesPerShownPoint,
                    at: arguments.callRange)
                let series = try FigureBuilder.series(from: yValue, x: xs, at: arguments.range(of: y))
                if let xs, let mismatch = series.first(where: { $0.y.count != xs.count }) {
                    throw arguments.invalid(x, "has \(xs.count) values but the series has \(mismatch.y.count)")
                }
                let text = try labels.read(arguments)
                return .figure(.line(LinePlot(series: series, title: text.title, xLabel: text.x, yLabel: text.y)))
            }
        }
    }

    private static func raster() -> Builtin {
        Builtin(
            "raster", topic: .output,
            summary: "A spike raster of a [time, neurons] tensor (e.g. encode(cpg())): one row per neuron, a tick per spike."
        ) { p in
            let spikes = p.declare("spikes", .any, doc: "a [time, neurons] tensor or list of rows of 0/1")
            let labels = Labels(p, axes: false)
            return { arguments, evaluator in
                let value = try arguments[spikes]
                try evaluator.checkBudget(
                    count: FigureBuilder.cellCount(of: value), bytesEach: FigureBuilder.bytesPerRasterCell, at: arguments.callRange)
                let matrix = try FigureBuilder.spikeMatrix(from: value, at: arguments.range(of: spikes))
                var raster = SpikeRaster(matrix: matrix, title: try labels.read(arguments).title)
                if case .tensor = value { raster.yLabel = "channel" }
                return .figure(.raster(raster))
            }
        }
    }

    private static func table() -> Builtin {
        Builtin(
            "table", topic: .output,
            summary: "A table from a list of records (one per row) or a record of columns; {mean: m, std: s} shows as m ± s."
        ) { p in
            let rows = p.declare("rows", .any, doc: "a list of records (one per row) or a record of columns")
            let labels = Labels(p, axes: false)
            return { arguments, _ in
                .table(
                    try TableBuilder.table(
                        from: try arguments[rows], title: try labels.read(arguments).title, at: arguments.range(of: rows)))
            }
        }
    }
}
