import SpikeEngine
import SpikePlot

/// How data values show: a one-line text form, an HTML summary table, and for a series a
/// preview line plot (SVG, also inlined under the table in the HTML view).
enum DatasetView {
    /// At most this many variates are drawn in a series preview.
    static let previewVariates = 8

    static func rendering(of data: DataValue) -> Rendering {
        switch data {
        case .series(let series):
            let figure = Figure.line(preview(of: series))
            return Rendering(plain: text(of: data), svg: figure.svg(), html: summary(of: series).html() + "\n" + figure.htmlImage())
        case .forecasting(let set):
            return Rendering(plain: text(of: data), html: parts(of: set).html())
        case .classification(let set):
            return Rendering(plain: text(of: data), html: parts(of: set).html())
        case .forecastingSplit, .classificationSplit:
            return Rendering(plain: text(of: data))
        }
    }

    /// The one-line text form, e.g. `series "sunspots": 309 steps × 1 variate (SUNACTIVITY)`.
    static func text(of data: DataValue) -> String {
        switch data {
        case .series(let series):
            var text = "series \(ValueText.quoted(series.name)): \(series.length) steps × \(count(series.variates, "variate"))"
            text += " (" + Preview.short(series.columns.joined(separator: ", "), limit: 40) + ")"
            if series.missing.total > 0 {
                text += "; \(series.missing.total) missing, \(series.missing.policy.rawValue)"
            }
            return text
        case .forecasting(let set):
            return "windows of \(ValueText.quoted(set.name)): window \(set.window), horizon \(set.horizon), "
                + "\(set.normalizer.kind.rawValue); train \(set.train.count), valid \(set.valid.count), test \(set.test.count) windows; "
                + "split \(set.splitRule.description)"
        case .forecastingSplit(let split):
            return "\(split.part.rawValue) split: \(count(split.count, "window")), inputs \(EngineText.shapeText(split.inputs.shape)), "
                + "targets \(EngineText.shapeText(split.targets.shape))"
        case .classification(let set):
            return "classification set \(ValueText.quoted(set.name)): \(count(set.classCount, "class")), "
                + "\(count(set.featureNames.count, "feature")); train \(set.train.count), valid \(set.valid.count), test \(set.test.count) examples"
        case .classificationSplit(let split):
            return "\(split.part.rawValue) split: \(count(split.count, "example")), inputs \(EngineText.shapeText(split.inputs.shape))"
        }
    }

    /// Per-variate statistics: mean, std, min, max and how many values were missing.
    static func summary(of series: Series) -> Table {
        let rows = series.columns.indices.map { column -> [Table.Cell] in
            let values = stride(from: column, to: series.values.count, by: series.variates).map { Double(series.values[$0]) }
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count, 1))
            let missing = column < series.missing.perColumn.count ? series.missing.perColumn[column] : 0
            return [
                .text(series.columns[column]), .number(mean), .number(variance.squareRoot()),
                .number(values.min() ?? .nan), .number(values.max() ?? .nan), .number(Double(missing))
            ]
        }
        var title = "\(series.name): \(series.length) steps × \(count(series.variates, "variate"))"
        if let labels = series.timeLabels, let first = labels.first, let last = labels.last {
            title += ", \(first) … \(last)"
        }
        return Table(columns: ["variate", "mean", "std", "min", "max", "missing"], rows: rows, title: title)
    }

    /// The series as lines, one per variate (the first `previewVariates`), against the step.
    static func preview(of series: Series) -> LinePlot {
        let shown = min(series.variates, previewVariates)
        let lines = (0..<shown).map { column in
            LinePlot.Series(
                series.columns[column],
                y: stride(from: column, to: series.values.count, by: series.variates).map { Double(series.values[$0]) })
        }
        var title = series.name
        if series.variates > shown { title += " (first \(shown) of \(series.variates) variates)" }
        return LinePlot(series: lines, title: title, xLabel: "step", yLabel: series.variates == 1 ? series.columns[0] : "value")
    }

    /// One row per part of a forecasting set.
    static func parts(of set: ForecastingSet) -> Table {
        let rows = [set.train, set.valid, set.test].map { split -> [Table.Cell] in
            [
                .text(split.part.rawValue), .text("\(split.rows.lowerBound)..\(split.rows.upperBound)"),
                .number(Double(split.count)), .text(EngineText.shapeText(split.inputs.shape)),
                .text(EngineText.shapeText(split.targets.shape))
            ]
        }
        let title =
            "windows of \(set.name): window \(set.window), horizon \(set.horizon), "
            + "\(set.normalizer.kind.rawValue) fitted on train only; split \(set.splitRule.description)"
        return Table(columns: ["part", "steps", "windows", "inputs", "targets"], rows: rows, title: title)
    }

    /// One row per part of a classification set, with its examples per class.
    static func parts(of set: ClassificationSet) -> Table {
        let rows = [set.train, set.valid, set.test].map { split -> [Table.Cell] in
            var perClass = [Int](repeating: 0, count: set.classCount)
            for label in split.labels where label < perClass.count { perClass[label] += 1 }
            return [
                .text(split.part.rawValue), .number(Double(split.count)),
                .text(perClass.map(String.init).joined(separator: " "))
            ]
        }
        return Table(
            columns: ["part", "examples", "per class"], rows: rows,
            title: "\(set.name): \(count(set.classCount, "class")), \(count(set.featureNames.count, "feature"))")
    }

    /// `datasets()`: one row per bundled data set.
    static func catalog(_ entries: [DatasetInfo]) -> Table {
        let rows = entries.map { info -> [Table.Cell] in
            [
                .text(info.name), .text(info.kind.rawValue), .text(info.shape.map(String.init).joined(separator: " × ")),
                .text(info.description), .text(info.source), .text(info.licence)
            ]
        }
        return Table(columns: ["name", "task", "shape", "what", "source", "licence"], rows: rows, title: "Bundled data sets")
    }

    /// What a data error says after `function(): 'parameter'`.
    static func reason(for error: DataError) -> String {
        switch error {
        case .fileNotFound(let path): return "names no file: \(ValueText.quoted(path))"
        case .unreadableFile(_, let why): return "cannot be read: \(why)"
        case .emptyFile: return "is an empty file (a header line naming the columns is expected)"
        case .noRows: return "has a header but no data rows"
        case .malformedRow(let line, let column, let problem): return "has a bad row: line \(line), column \(column): \(problem)"
        case .duplicateColumn(let name): return "names column \(ValueText.quoted(name)) twice in its header"
        case .noNumericColumns: return "has no numeric column"
        case .missingValue(let line, let column):
            return "has a missing value at line \(line) in \(ValueText.quoted(column)) (missing=\"error\")"
        case .allMissing(let column): return "has no value at all in column \(ValueText.quoted(column))"
        case .unknownColumn(let name, let valid):
            return "names no column \(ValueText.quoted(name)); the columns are " + valid.map(ValueText.quoted).joined(separator: ", ")
        case .unknownDataset(let name, let valid), .unknownSynthetic(let name, let valid),
            .unknownMissingPolicy(let name, let valid), .unknownNormalization(let name, let valid):
            return "must be one of " + valid.map(ValueText.quoted).joined(separator: ", ") + ", got \(ValueText.quoted(name))"
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)" + (n == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))
    }
}
