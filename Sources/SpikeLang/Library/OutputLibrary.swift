import SpikePlot

/// Output builtins that draw: `plot`, `raster`, `table` (figures and tables from SpikePlot).
enum OutputLibrary {
    static func builtins() -> [Builtin] {
        [plot(), raster(), table()]
    }

    private static func plot() -> Builtin {
        Builtin(Signature("plot", [required("y"), optional("x", .none), optional("title", .string("")),
                                   optional("xlabel", .string("")), optional("ylabel", .string(""))]),
                topic: .output,
                summary: "A line plot of a list, a vector, a matrix (one line per column) or a record of named series.") { arguments, _ in
            let x = arguments.value("x").isNone ? nil
                : try FigureBuilder.numbers(arguments.value("x"), context: "plot(): 'x'", at: arguments.range(of: "x"))
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
                summary: "A spike raster of a [time, neurons] tensor (e.g. encode(cpg())): one row per neuron, a tick per spike.") { arguments, _ in
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
