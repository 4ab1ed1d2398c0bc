import SpikePlot

/// Output builtins that draw: `plot`, `raster`, `table` (figures and tables from SpikePlot).
enum OutputLibrary {
    static func builtins() -> [Builtin] {
        [plot(), raster(), heatmap(), bar(), scatter(), grid(), table()]
    }

    private static func heatmap() -> Builtin {
        Builtin(Signature("heatmap", [required("matrix"), optional("title", .string("")), optional("xlabel", .string("")),
                                      optional("ylabel", .string(""))]),
                topic: .output,
                summary: "A matrix (tensor or list of rows) as coloured cells with a colour bar; row 0 at the top.") { arguments, evaluator in
            try evaluator.checkBudget(count: FigureBuilder.cellCount(of: arguments.value("matrix")), bytesEach: FigureBuilder.bytesPerHeatmapCell, at: arguments.callRange)
            let matrix = try FigureBuilder.matrix(from: arguments.value("matrix"), at: arguments.range(of: "matrix"))
            return .figure(.heatmap(Heatmap(matrix: matrix, title: try arguments.string("title"), xLabel: try arguments.string("xlabel"),
                                            yLabel: try arguments.string("ylabel"))))
        }
    }

    private static func bar() -> Builtin {
        Builtin(Signature("bar", [required("record"), optional("title", .string(""))]), topic: .output,
                summary: "A bar chart of a record {name: value}; {name: {mean: m, std: s}} adds error bars; a record of records groups bars.") { arguments, _ in
            let (categories, series) = try FigureBuilder.bars(from: arguments.value("record"), at: arguments.range(of: "record"))
            return .figure(.bar(BarChart(categories: categories, series: series, title: try arguments.string("title"))))
        }
    }

    private static func scatter() -> Builtin {
        Builtin(Signature("scatter", [required("x"), required("y"), optional("title", .string("")), optional("xlabel", .string("")),
                                      optional("ylabel", .string(""))]),
                topic: .output, summary: "A scatter plot of the points (x[i], y[i]).") { arguments, evaluator in
            try evaluator.checkBudget(count: FigureBuilder.pointCount(of: arguments.value("x")),
                                      bytesEach: FigureBuilder.bytesPerShownPoint, at: arguments.callRange)
            let x = try FigureBuilder.numbers(arguments.value("x"), context: "scatter(): 'x'", at: arguments.range(of: "x"))
            let y = try FigureBuilder.numbers(arguments.value("y"), context: "scatter(): 'y'", at: arguments.range(of: "y"))
            guard x.count == y.count else { throw arguments.invalid("y", "has \(y.count) values but 'x' has \(x.count)") }
            return .figure(.scatter(ScatterPlot(x: x, y: y, title: try arguments.string("title"), xLabel: try arguments.string("xlabel"),
                                                yLabel: try arguments.string("ylabel"))))
        }
    }

    private static func grid() -> Builtin {
        Builtin(Signature("grid", [required("figures"), optional("columns", .number(2)), optional("title", .string(""))]),
                topic: .output, summary: "Small multiples: a list of figures (or traces) laid out in a grid.") { arguments, _ in
            guard case .list(let items) = arguments.value("figures") else { throw arguments.mismatch("figures", expected: "a list of figures") }
            let panels = try items.map { item -> Figure in
                switch item {
                case .figure(let figure): return figure
                case .trace(let trace): return .membrane(TraceView.figure(of: trace))
                default:
                    throw Diagnostic(.elementType(context: "grid(): 'figures'", expected: "figures", got: item.typeName),
                                     at: arguments.range(of: "figures"))
                }
            }
            let columns = try arguments.integer("columns")
            guard columns >= 1 else { throw arguments.invalid("columns", "must be at least 1") }
            return .figure(.grid(FigureGrid(panels: panels, columns: columns, title: try arguments.string("title"))))
        }
    }

    private static func plot() -> Builtin {
        Builtin(Signature("plot", [required("y"), optional("x", .none), optional("title", .string("")),
                                   optional("xlabel", .string("")), optional("ylabel", .string(""))]),
                topic: .output,
                summary: "A line plot of a list, a vector, a matrix (one line per column) or a record of named series.") { arguments, evaluator in
            let x = arguments.value("x").isNone ? nil
                : try FigureBuilder.numbers(arguments.value("x"), context: "plot(): 'x'", at: arguments.range(of: "x"))
            try evaluator.checkBudget(count: FigureBuilder.pointCount(of: arguments.value("y")),
                                      bytesEach: FigureBuilder.bytesPerShownPoint, at: arguments.callRange)
            let series = try FigureBuilder.series(from: arguments.value("y"), x: x, at: arguments.range(of: "y"))
            if let x, let mismatch = series.first(where: { $0.y.count != x.count }) {
                throw arguments.invalid("x", "has \(x.count) values but the series has \(mismatch.y.count)")
            }
            let plot = LinePlot(series: series, title: try arguments.string("title"), xLabel: try arguments.string("xlabel"),
                                yLabel: try arguments.string("ylabel"))
            return .figure(.line(plot))
        }
    }

    private static func raster() -> Builtin {
        Builtin(Signature("raster", [required("spikes"), optional("title", .string(""))]), topic: .output,
                summary: "A spike raster of a [time, neurons] tensor (e.g. encode(cpg())): one row per neuron, a tick per spike.") { arguments, evaluator in
            try evaluator.checkBudget(count: FigureBuilder.cellCount(of: arguments.value("spikes")), bytesEach: FigureBuilder.bytesPerRasterCell, at: arguments.callRange)
            let matrix = try FigureBuilder.spikeMatrix(from: arguments.value("spikes"), at: arguments.range(of: "spikes"))
            var raster = SpikeRaster(matrix: matrix, title: try arguments.string("title"))
            if case .tensor = arguments.value("spikes") { raster.yLabel = "channel" }
            return .figure(.raster(raster))
        }
    }

    private static func table() -> Builtin {
        Builtin(Signature("table", [required("rows"), optional("title", .string(""))]), topic: .output,
                summary: "A table from a list of records (one per row) or a record of columns; {mean: m, std: s} shows as m ± s.") { arguments, _ in
            .table(try TableBuilder.table(from: arguments.value("rows"), title: try arguments.string("title"), at: arguments.range(of: "rows")))
        }
    }
}
