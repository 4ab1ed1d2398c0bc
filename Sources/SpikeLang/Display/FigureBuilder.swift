import SpikeEngine
import SpikePlot

/// Builds SpikePlot figures from language values: series for `plot`, spike matrices for
/// `raster`. Tensors and lists follow one convention: rows are time steps (or positions),
/// columns are neurons (or channels, or series).
enum FigureBuilder {
    /// Bytes one point of a line or scatter plot costs at the peak of showing it (its
    /// coordinates and its share of the SVG text), measured as the peak resident size of
    /// `plot(randn([1e6]))` shown as a result: 92 MB over 1e6 points.
    static let bytesPerShownPoint = 96

    /// How many points plotting `value` draws (0 for what cannot be plotted), counted before
    /// anything is converted so the budget is checked first. A record's fields are series.
    static func pointCount(of value: Value) -> Int {
        func count(_ series: Value) -> Int {
            switch series {
            case .list(let items): return items.count
            case .range(let integers): return integers.count
            case .tensor(let tensor): return tensor.count
            case .trace(let trace): return trace.steps
            default: return 0
            }
        }
        guard case .record(let record) = value else { return count(value) }
        return record.fields.reduce(0) { $0 &+ count($1.value) }
    }

    /// Bytes one cell of `heatmap`'s matrix costs at its peak: the cell as a Double in the
    /// figure's rows (the block means drawn are at most 120 × 120). Measured as the peak
    /// resident size of `heatmap(randn([1e4, 1e4]))` shown as a result, less the tensor's.
    static let bytesPerHeatmapCell = 8

    /// Bytes one cell of `raster`'s spike matrix costs at its peak: the neurons × steps matrix
    /// of Doubles and, for a spike, its time in the figure. Measured as the peak resident size
    /// of `raster(ones([1e4, 1e4]))` shown as a result, less the tensor's.
    static let bytesPerRasterCell = 16

    /// How many cells `heatmap` or `raster` reads from `value` (0 for what cannot be drawn),
    /// counted before anything is converted so the budget is checked first.
    static func cellCount(of value: Value) -> Int {
        switch value {
        case .list(let rows):
            return rows.items.reduce(0) { count, row in
                if case .list(let items) = row { return count &+ items.count }
                return count &+ 1
            }
        case .tensor(let tensor): return tensor.count
        case .trace(let trace): return trace.steps
        default: return 0
        }
    }

    /// Series for `plot(y)`: a list of numbers or a vector is one series; a matrix is one
    /// series per column; a record is one named series per field; a trace is its membrane.
    static func series(from value: Value, x: [Double]?, at range: SourceRange) throws -> [LinePlot.Series] {
        switch value {
        case .record(let record):
            return try record.fields.flatMap { field -> [LinePlot.Series] in
                if case .record = field.value {
                    throw Diagnostic(
                        .elementType(
                            context: "plot(): field '\(field.name)'", expected: "a list, vector, matrix or trace",
                            got: "a record"), at: range)
                }
                let parts = try series(from: field.value, x: x, at: range)
                if parts.count == 1 { return [LinePlot.Series(field.name, y: parts[0].y, x: x)] }
                return parts.map { LinePlot.Series("\(field.name) \($0.name)", y: $0.y, x: x) }
            }
        case .tensor(let tensor) where tensor.rank == 2:
            let (height, width) = (tensor.shape[0], tensor.shape[1])
            return (0..<width).map { column in
                LinePlot.Series(String(column), y: (0..<height).map { Double(tensor.scalars[$0 * width + column]) }, x: x)
            }
        case .trace(let trace):
            return [LinePlot.Series("membrane before reset", y: trace.charge, x: x)]
        default:
            return [LinePlot.Series("", y: try numbers(value, context: "plot(): 'y'", at: range), x: x)]
        }
    }

    /// A flat list of numbers from a list or a vector (rank ≤ 1 tensor); `none` in a list is a
    /// missing point (NaN), which figures skip with a note.
    static func numbers(_ value: Value, context: String, at range: SourceRange) throws -> [Double] {
        switch value {
        case .list(let items):
            return try items.map { item in
                switch item {
                case .number(let number): return number
                case .boolean(let flag): return flag ? 1 : 0
                case .none: return .nan  // a missing point: the figure leaves a gap and says so
                default: throw Diagnostic(.elementType(context: context, expected: "numbers", got: item.typeName), at: range)
                }
            }
        case .range(let integers):
            return (integers.lower..<max(integers.lower, integers.upper)).map(Double.init)
        case .tensor(let tensor) where tensor.rank <= 1:
            return TensorConversion.doubles(tensor)
        default:
            throw Diagnostic(
                .wrongKind(what: context, expected: "a list, a vector, a matrix or a record of series", got: value.typeName),
                at: range)
        }
    }

    /// Rows of numbers for `heatmap`: a matrix tensor as it is, a vector as one row, or a
    /// list of rows.
    static func matrix(from value: Value, at range: SourceRange) throws -> [[Double]] {
        switch value {
        case .tensor(let tensor) where tensor.rank == 2:
            let width = tensor.shape[1]
            return (0..<tensor.shape[0]).map { row in (0..<width).map { Double(tensor.scalars[row * width + $0]) } }
        case .tensor(let tensor) where tensor.rank <= 1:
            return [TensorConversion.doubles(tensor)]
        case .list(let rows):
            if rows.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                return [try numbers(value, context: "heatmap(): 'matrix'", at: range)]
            }
            let matrix = try rows.map { try numbers($0, context: "heatmap(): each row of 'matrix'", at: range) }
            try requireRectangular(matrix, "heatmap(): 'matrix'", at: range)
            return matrix
        default:
            throw Diagnostic(
                .wrongKind(what: "heatmap(): 'matrix'", expected: "a matrix tensor or a list of rows", got: value.typeName),
                at: range)
        }
    }

    /// Bars for `bar(record)`: `{a: 1, b: 2}` is one series; `{a: {mean: m, std: s}}` adds
    /// error bars; `{a: {r2: 1, mse: 2}, b: {…}}` groups one series per inner field.
    static func bars(from value: Value, at range: SourceRange) throws -> (categories: [String], series: [BarChart.Series]) {
        guard case .record(let record) = value else {
            throw Diagnostic(.wrongKind(what: "bar(): 'record'", expected: "a record such as {a: 1, b: 2}", got: value.typeName), at: range)
        }
        let categories = record.names
        let inner = record.fields.compactMap { field -> Record? in
            if case .record(let nested) = field.value { return nested }
            return nil
        }
        let isMeanStd = inner.count == record.fields.count && inner.allSatisfy { $0.names.sorted() == ["mean", "std"] }
        if inner.isEmpty || isMeanStd {
            var values: [Double] = []
            var errors: [Double] = []
            for field in record.fields {
                switch field.value {
                case .number(let number):
                    values.append(number)
                    errors.append(0)
                case .record(let nested):
                    guard case .number(let mean)? = nested["mean"], case .number(let std)? = nested["std"] else { fallthrough }
                    values.append(mean)
                    errors.append(std)
                default:
                    throw Diagnostic(
                        .elementType(
                            context: "bar(): 'record'", expected: "numbers or {mean, std} records",
                            got: field.value.typeName), at: range)
                }
            }
            return (categories, [BarChart.Series(values: values, errors: isMeanStd ? errors : nil)])
        }
        guard inner.count == record.fields.count else {
            throw Diagnostic(.elementType(context: "bar(): 'record'", expected: "all numbers or all records", got: "a mix"), at: range)
        }
        var seriesNames: [String] = []
        for nested in inner { for name in nested.names where !seriesNames.contains(name) { seriesNames.append(name) } }
        let series = try seriesNames.map { name in
            BarChart.Series(
                name,
                values: try inner.map { nested in
                    switch nested[name] {
                    case .number(let number)?: return number
                    case nil, .some(Value.none): return .nan
                    case let other?:
                        throw Diagnostic(
                            .elementType(context: "bar(): field '\(name)'", expected: "numbers", got: other.typeName), at: range)
                    }
                })
        }
        return (categories, series)
    }

    /// The columns of a [rows, columns] matrix, each as a list: neurons × steps from time × neurons.
    static func columns(of matrix: Tensor) -> [[Double]] {
        guard matrix.rank == 2 else { return [TensorConversion.doubles(matrix)] }
        let (height, width) = (matrix.shape[0], matrix.shape[1])
        return (0..<width).map { column in (0..<height).map { Double(matrix.scalars[$0 * width + column]) } }
    }

    /// A neurons × steps matrix for `raster`: from a [time, neurons] tensor or list of rows,
    /// or a trace (one neuron).
    static func spikeMatrix(from value: Value, at range: SourceRange) throws -> [[Double]] {
        switch value {
        case .trace(let trace):
            return [trace.spikes.map { $0 ? 1 : 0 }]
        case .tensor(let tensor) where tensor.rank <= 2:
            let matrix = columns(of: tensor)
            try requireSpikes(matrix, transposed: true, at: range)
            return matrix
        case .list(let rows):
            let matrix = try rows.map { try numbers($0, context: "raster(): each row of 'spikes'", at: range) }
            try requireRectangular(matrix, "raster(): 'spikes'", at: range)
            try requireSpikes(matrix, at: range)
            let width = matrix.first?.count ?? 0
            return (0..<width).map { column in matrix.map { $0[column] } }
        default:
            throw Diagnostic(
                .wrongKind(
                    what: "raster(): 'spikes'", expected: "a [time, neurons] tensor, a list of rows or a trace",
                    got: value.typeName), at: range)
        }
    }

    /// Throws a ShapeError unless every row has the first row's length (as `tensor()` does).
    private static func requireRectangular(_ matrix: [[Double]], _ what: String, at range: SourceRange) throws {
        guard let width = matrix.first?.count else { return }
        if let row = matrix.firstIndex(where: { $0.count != width }) {
            throw Diagnostic(
                .shapeMismatch(
                    "\(what): row \(row + 1) has \(matrix[row].count == 1 ? "1 value" : "\(matrix[row].count) values") where row 1 has \(width) (ragged rows)"
                ),
                at: range)
        }
    }

    /// Throws a ValueError unless every entry is 0 or 1: a raster draws spikes, and calling
    /// every non-zero value a spike would misreport rates and potentials.
    private static func requireSpikes(_ matrix: [[Double]], transposed: Bool = false, at range: SourceRange) throws {
        for (i, row) in matrix.enumerated() {
            guard let j = row.firstIndex(where: { $0 != 0 && $0 != 1 }) else { continue }
            let (step, neuron) = transposed ? (j + 1, i + 1) : (i + 1, j + 1)
            throw Diagnostic(
                .invalidArgument(
                    function: "raster", parameter: "spikes",
                    reason:
                        "must hold spikes, 0 or 1; step \(step) of neuron \(neuron) is \(ValueText.number(row[j])) (a raster draws spikes: threshold the values first)"
                ),
                at: range)
        }
    }
}
