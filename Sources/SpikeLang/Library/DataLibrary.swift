import SpikeEngine
import SpikePlot

/// Data: `dataset`, `datasets`, `load_csv`, `synthetic`, `windows` (docs/language.md §7 "Data").
/// Names given as strings are parsed here, once, into the engine's closed enums.
enum DataLibrary {
    static func builtins() -> [Builtin] {
        [dataset(), datasets(), loadCSV(), synthetic(), windows()]
    }

    private static func dataset() -> Builtin {
        Builtin(
            "dataset", topic: .data,
            summary:
                "A bundled data set by name: a series (electricity, sunspots, co2, traffic, sines) or a split classification set (digits); datasets() lists them."
        ) { p in
            let name = p.declare("name", .choice(BundledDataset.self), doc: "the data set's name, as datasets() lists it")
            return { arguments, _ in
                let bundled = try arguments[name]
                return try arguments.data {
                    switch bundled.kind {
                    case .forecasting: return .data(.series(try bundled.series()))
                    case .classification: return .data(.classification(try ClassificationSet(try bundled.labeledData())))
                    }
                }
            }
        }
    }

    private static func datasets() -> Builtin {
        Builtin(
            "datasets", topic: .data,
            summary: "A table of every bundled data set: name, task, shape, what it is, source and licence."
        ) { _ in
            { _, _ in .table(DatasetView.catalog(BundledDataset.catalog)) }
        }
    }

    private static func loadCSV() -> Builtin {
        Builtin(
            "load_csv", topic: .data,
            summary:
                "A series from a CSV file with a header line: numeric columns (all, one name or a list), an optional time-label column; missing values \"interpolate\", \"zero\", \"drop\" or \"error\"."
        ) { p in
            let path = p.declare("path", .string, doc: "the CSV file's path")
            let columns = p.declare(
                "columns", .columnSelection, shown: "all", doc: "one column's name or a list of names; none: every numeric column")
            let time = p.declare("time_column", .orNone(.string), doc: "a column of time labels (kept as text)")
            let missing = p.declare(
                "missing", .choice(MissingPolicy.self), default: .interpolate,
                doc: "what an empty field becomes: \"interpolate\", \"zero\", \"drop\" the row, or \"error\"")
            return { arguments, evaluator in
                let path = try arguments[path]
                let columns = try arguments[columns]
                let time = try arguments[time]
                let missing = try arguments[missing]
                return try arguments.data {
                    .data(
                        .series(
                            try Series.loadCSV(
                                path: path, columns: columns, timeColumn: time, missing: missing,
                                budget: evaluator.settings.budget)))
                }
            }
        }
    }

    private static func synthetic() -> Builtin {
        Builtin(
            "synthetic", topic: .data,
            summary:
                "A seeded synthetic series: \"traffic\" (correlated sensors, double rush hour, quiet weekends, 15-min steps) or \"sines\"."
        ) { p in
            let kind = p.declare("kind", .choice(SyntheticKind.self), default: .traffic, doc: "\"traffic\" or \"sines\"")
            let length = p.declare("length", .integer, default: 2000, doc: "time steps")
            let variates = p.declare("variates", .integer, default: 8, doc: "series (sensors) side by side")
            let seed = p.declare("seed", .nonNegative, default: 0, doc: "the generator's seed")
            return { arguments, evaluator in
                let kind = try arguments[kind]
                let length = try arguments[length]
                let variates = try arguments[variates]
                let seed = try arguments[seed]
                return try arguments.data {
                    .data(
                        .series(
                            try Series.synthetic(
                                kind: kind, length: length, variates: variates, seed: UInt64(seed),
                                budget: evaluator.settings.budget)))
                }
            }
        }
    }

    private static func windows() -> Builtin {
        Builtin(
            "windows", topic: .data,
            summary:
                "A forecasting set with .train/.valid/.test: windows of `window` steps predicting the next `horizon`, split chronologically, normalized with statistics of .train only."
        ) { p in
            let series = p.declare("series", .any, doc: "a series such as dataset(\"electricity\")")
            let window = p.declare("window", .integer, default: 12, doc: "the steps each prediction sees")
            let horizon = p.declare("horizon", .integer, default: 6, doc: "the steps each prediction forecasts")
            let split = p.declare(
                "split", .splitChoice, default: .fractions([0.7, 0.1, 0.2]),
                doc:
                    "fractions [train, valid, test] of the time steps (Spike's default 0.7/0.1/0.2 is no SeqSNN configuration), or SeqSNN's split cut on the windows: \"seqsnn\" (the one for this data set) or \"metr-la\", \"pems-bay\" (0.7/0.2/0.1), \"solar\", \"electricity\" (0.6/0.2/0.2)"
            )
            let normalize = p.declare(
                "normalize", .choice(Normalization.self), default: .zScore,
                doc:
                    "\"zscore\" (per variate), \"global\" (one mean and std over all variates: SeqSNN's scale), \"minmax\" or \"none\", with statistics of .train only; metrics are on this scale"
            )
            return { arguments, evaluator in
                guard case .data(.series(let series)) = try arguments[series] else {
                    throw arguments.mismatch(series, expected: "a series such as dataset(\"electricity\")")
                }
                let window = try arguments[window]
                let horizon = try arguments[horizon]
                let rule: SplitRule
                switch try arguments[split] {
                case .fractions(let given):
                    rule = SplitRule(try arguments.engine { try SplitFractions(given) })
                case .named(let name):
                    let reference = name == "seqsnn" ? ReferenceSplit.standingIn(for: series.name) : ReferenceSplit(rawValue: name)
                    guard let reference else {
                        let names = ReferenceSplit.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                        throw arguments.invalid(
                            split,
                            name == "seqsnn"
                                ? "\"seqsnn\": SeqSNN has no configuration for \(ValueText.quoted(series.name)); name one of \(names), or give fractions"
                                : "must be a list of fractions, \"seqsnn\" or one of \(names), got \(ValueText.quoted(name))")
                    }
                    rule = SplitRule(reference: reference)
                }
                let normalization = try arguments[normalize]
                return try arguments.data {
                    .data(
                        .forecasting(
                            try ForecastingSet(
                                series, window: window, horizon: horizon, rule: rule,
                                normalization: normalization, budget: evaluator.settings.budget)))
                }
            }
        }
    }
}

extension ArgumentKind where T == ColumnSelection {
    /// `columns`: none (all numeric columns), one name, or a list of names.
    static var columnSelection: ArgumentKind<ColumnSelection> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .none: return .all
                case .string(let name): return .named([name])
                case .list(let items):
                    return .named(
                        try items.map { item in
                            guard case .string(let name) = item else {
                                throw Diagnostic(
                                    .elementType(context: "load_csv(): 'columns'", expected: "column names (strings)", got: item.typeName),
                                    at: site.range)
                            }
                            return name
                        })
                default:
                    throw site.mismatch(value, expected: "a column name or a list of names")
                }
            },
            encode: { selection in
                guard case .named(let names) = selection else { return Value.none }
                return .list(ValueList(names.map { .string($0) }))
            }, acceptsNone: true)
    }
}

/// `windows()`'s `split`: fractions, or the name of a SeqSNN split.
enum SplitChoice: Equatable {
    case fractions([Double])
    case named(String)
}

extension ArgumentKind where T == SplitChoice {
    /// `split`: a list of numbers [train, valid, test] (SplitFractions checks them) or a name.
    static var splitChoice: ArgumentKind<SplitChoice> {
        ArgumentKind(
            read: { value, site in
                if case .string(let name) = value { return .named(name) }
                guard case .list(let items) = value else {
                    throw site.mismatch(value, expected: "a list [train, valid, test] of fractions or a split's name")
                }
                return .fractions(
                    try items.map { item -> Double in
                        guard case .number(let fraction) = item else {
                            throw Diagnostic(
                                .elementType(context: "windows(): 'split'", expected: "numbers", got: item.typeName), at: site.range)
                        }
                        return fraction
                    })
            },
            encode: { choice in
                switch choice {
                case .fractions(let fractions): return .list(ValueList(fractions.map { .number($0) }))
                case .named(let name): return .string(name)
                }
            })
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
            throw Diagnostic(
                .invalidArgument(function: function, parameter: parameter, reason: DatasetView.reason(for: error)),
                at: range(of: parameter))
        }
    }
}
