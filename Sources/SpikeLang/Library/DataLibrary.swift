import SpikeEngine
import SpikePlot

/// Data: `dataset`, `datasets`, `load_csv`, `synthetic`, `windows` (docs/language.md §7 "Data").
/// Names given as strings are parsed here, once, into the engine's closed enums.
enum DataLibrary {
    static func builtins() -> [Builtin] {
        [dataset(), datasets(), loadCSV(), synthetic(), windows()]
    }

    private static func dataset() -> Builtin {
        Builtin(Signature("dataset", [required("name")]), topic: .data,
                summary: "A bundled data set by name: a series (electricity, sunspots, co2, traffic, sines) or a split classification set (digits); datasets() lists them.") { arguments, _ in
            let name = try arguments.string("name")
            let choices = BundledDataset.allCases.map(\.rawValue)
            guard let bundled = BundledDataset(rawValue: name) else {
                throw Diagnostic(.invalidChoice(function: "dataset", parameter: "name", given: name, valid: choices),
                                 at: arguments.range(of: "name"))
            }
            return try arguments.data {
                switch bundled.kind {
                case .forecasting: return .data(.series(try bundled.series()))
                case .classification: return .data(.classification(try ClassificationSet(try bundled.labeledData())))
                }
            }
        }
    }

    private static func datasets() -> Builtin {
        Builtin(Signature("datasets"), topic: .data,
                summary: "A table of every bundled data set: name, task, shape, what it is, source and licence.") { _, _ in
            .table(DatasetView.catalog(BundledDataset.catalog))
        }
    }

    private static func loadCSV() -> Builtin {
        Builtin(Signature("load_csv", [required("path"), optional("columns", .none, shown: "all"),
                                       optional("time_column", .none), optional("missing", .string("interpolate"))]),
                topic: .data,
                summary: "A series from a CSV file with a header line: numeric columns (all, one name or a list), an optional time-label column; missing values \"interpolate\", \"zero\", \"drop\" or \"error\".") { arguments, evaluator in
            let path = try arguments.string("path")
            let columns = try columnSelection(arguments)
            let time = arguments.value("time_column").isNone ? nil : try arguments.string("time_column")
            let missing = try arguments.choice("missing", among: MissingPolicy.allCases.map(\.rawValue))
            return try arguments.data {
                .data(.series(try Series.loadCSV(
                    path: path, columns: columns, timeColumn: time, missing: try MissingPolicy(named: missing),
                    budget: evaluator.settings.budget)))
            }
        }
    }

    private static func synthetic() -> Builtin {
        Builtin(Signature("synthetic", [optional("kind", .string("traffic")), optional("length", .number(2000)),
                                        optional("variates", .number(8)), optional("seed", .number(0))]),
                topic: .data,
                summary: "A seeded synthetic series: \"traffic\" (correlated sensors, double rush hour, quiet weekends, 15-min steps) or \"sines\".") { arguments, evaluator in
            let kind = try arguments.choice("kind", among: SyntheticKind.allCases.map(\.rawValue))
            let length = try arguments.integer("length")
            let variates = try arguments.integer("variates")
            let seed = try arguments.integer("seed")
            guard seed >= 0 else { throw arguments.invalid("seed", "must not be negative") }
            return try arguments.data {
                .data(.series(try Series.synthetic(
                    kind: try SyntheticKind(named: kind), length: length, variates: variates, seed: UInt64(seed),
                    budget: evaluator.settings.budget)))
            }
        }
    }

    private static func windows() -> Builtin {
        Builtin(Signature("windows", [required("series"), optional("window", .number(12)), optional("horizon", .number(6)),
                                      optional("split", .list([.number(0.7), .number(0.1), .number(0.2)])),
                                      optional("normalize", .string("zscore"))]),
                topic: .data,
                summary: "A forecasting set with .train/.valid/.test: windows of `window` steps predicting the next `horizon`, split chronologically, normalized with statistics of .train only.") { arguments, evaluator in
            guard case .data(.series(let series)) = arguments.value("series") else {
                throw arguments.mismatch("series", expected: "a series such as dataset(\"electricity\")")
            }
            let window = try arguments.integer("window")
            let horizon = try arguments.integer("horizon")
            let fractions = try splitFractions(arguments)
            let normalize = try arguments.choice("normalize", among: Normalization.allCases.map(\.rawValue))
            return try arguments.data {
                .data(.forecasting(try ForecastingSet(
                    series, window: window, horizon: horizon, split: fractions,
                    normalization: try Normalization(named: normalize), budget: evaluator.settings.budget)))
            }
        }
    }

    /// `columns`: none (all numeric columns), one name, or a list of names.
    private static func columnSelection(_ arguments: Arguments) throws -> ColumnSelection {
        switch arguments.value("columns") {
        case .none: return .all
        case .string(let name): return .named([name])
        case .list(let items):
            return .named(try items.map { item in
                guard case .string(let name) = item else {
                    throw Diagnostic(.elementType(context: "load_csv(): 'columns'", expected: "column names (strings)", got: item.typeName),
                                     at: arguments.range(of: "columns"))
                }
                return name
            })
        default:
            throw arguments.mismatch("columns", expected: "a column name or a list of names")
        }
    }

    /// `split`: a list of three numbers [train, valid, test].
    private static func splitFractions(_ arguments: Arguments) throws -> SplitFractions {
        guard case .list(let items) = arguments.value("split") else {
            throw arguments.mismatch("split", expected: "a list [train, valid, test] of fractions")
        }
        let fractions = try items.map { item -> Double in
            guard case .number(let fraction) = item else {
                throw Diagnostic(.elementType(context: "windows(): 'split'", expected: "numbers", got: item.typeName),
                                 at: arguments.range(of: "split"))
            }
            return fraction
        }
        return try arguments.engine { try SplitFractions(fractions) }
    }
}

extension Arguments {
    /// Runs a data call: engine errors as `engine` reports them, data errors as a ValueError at
    /// the argument they concern (the file's `path` when it is the file that is wrong).
    func data<T>(_ call: () throws -> T) throws -> T {
        do {
            return try engine(call)
        } catch let error as DataError {
            let parameter = (error.argument ?? .path).spelling.text
            throw Diagnostic(.invalidArgument(function: function, parameter: parameter, reason: DatasetView.reason(for: error)),
                             at: range(of: parameter))
        }
    }
}
