/// A multivariate time series: a time × variates matrix of Float32 numbers with a name per
/// column and, optionally, a label per time step.
///
/// Rows are time steps in chronological order, columns are variates (sensors, measurements).
/// The values are stored row-major, so `values[t * variates + c]` is variate `c` at step `t`:
///
///     let s = try Series(name: "toy", columns: ["a", "b"], values: [1, 10, 2, 20, 3, 30])
///     s.shape                 // [3, 2]
///     try s.column("b")       // [10, 20, 30]
///
/// `missing` records how many values were absent in the source and how they were filled.
public struct Series: Equatable, Sendable {
    /// A short name for display (`"electricity"`, a file's base name, ...).
    public let name: String
    /// One name per variate.
    public let columns: [String]
    /// The numbers, row-major: `length` rows of `variates` values.
    public let values: [Float]
    /// One label per time step (dates, years), or `nil` when steps are only numbered.
    public let timeLabels: [String]?
    /// The missing values found while loading and what was done about them.
    public let missing: MissingReport

    /// A series from row-major `values`.
    ///
    /// Throws `EngineError.value` when there are no columns, when `values.count` is not a
    /// multiple of the column count, or when `timeLabels` does not have one label per row.
    public init(
        name: String, columns: [String], values: [Float], timeLabels: [String]? = nil,
        missing: MissingReport? = nil
    ) throws {
        guard !columns.isEmpty else {
            throw EngineError.value(argument: .columns, message: "a series needs at least one column")
        }
        guard values.count % columns.count == 0 else {
            throw EngineError.value(
                argument: .values,
                message: "\(values.count) values do not fill rows of \(columns.count) columns")
        }
        let length = values.count / columns.count
        if let timeLabels, timeLabels.count != length {
            throw EngineError.value(
                argument: .timeLabels, message: "\(timeLabels.count) labels for \(length) rows")
        }
        self.name = name
        self.columns = columns
        self.values = values
        self.timeLabels = timeLabels
        self.missing = missing ?? MissingReport(columns: columns)
    }

    /// The number of time steps (rows).
    public var length: Int { values.count / columns.count }

    /// The number of variates (columns).
    public var variates: Int { columns.count }

    /// `[length, variates]`.
    public var shape: [Int] { [length, variates] }

    /// The whole series as a `(length, variates)` tensor.
    public var tensor: Tensor {
        // The count is length × variates by construction, so this cannot fail.
        (try? Tensor(shape: shape, scalars: values)) ?? Tensor(values)
    }

    /// The values of the column called `name`, in time order. Cost: O(length).
    ///
    /// Throws `DataError.unknownColumn` listing the valid names.
    public func column(_ name: String) throws -> [Float] {
        guard let index = columns.firstIndex(of: name) else {
            throw DataError.unknownColumn(name: name, valid: columns)
        }
        return column(at: index)
    }

    /// The values of column `index` (0-based, must be in range), in time order.
    func column(at index: Int) -> [Float] {
        stride(from: index, to: values.count, by: variates).map { values[$0] }
    }

    /// The values of rows `range` (must lie within `0..<length`), row-major.
    func rows(_ range: Range<Int>) -> [Float] {
        Array(values[(range.lowerBound * variates)..<(range.upperBound * variates)])
    }
}
