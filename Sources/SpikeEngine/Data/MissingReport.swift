/// What to do with a missing value (an empty field, `NA`, `NaN` or `null`) in a loaded file.
public enum MissingPolicy: String, CaseIterable, Sendable {
    /// Fill by linear interpolation in time between the nearest present values of the same
    /// column; a run at the start or end takes the nearest present value.
    case interpolate
    /// Fill with 0.
    case zero
    /// Drop every row that misses a value in any selected column.
    case drop
    /// Refuse the file: `DataError.missingValue` names the first line and column.
    case error

    /// The policy named `name` (`"interpolate"`, `"zero"`, `"drop"`, `"error"`).
    public init(named name: String) throws {
        guard let policy = MissingPolicy(rawValue: name) else {
            throw DataError.unknownMissingPolicy(name: name, valid: Self.allCases.map(\.rawValue))
        }
        self = policy
    }
}

/// How many values were missing in a loaded series, per column, and what was done about them.
///
///     co2.missing.total       // 59
///     co2.missing.policy      // .interpolate
public struct MissingReport: Equatable, Sendable {
    /// The number of missing values in each column, in column order.
    public let perColumn: [Int]
    /// The policy that was applied.
    public let policy: MissingPolicy
    /// How many rows were removed (only with `.drop`).
    public let droppedRows: Int

    /// A report of missing values handled by `policy`.
    public init(perColumn: [Int], policy: MissingPolicy, droppedRows: Int = 0) {
        self.perColumn = perColumn
        self.policy = policy
        self.droppedRows = droppedRows
    }

    /// A report of "nothing was missing" for `columns`.
    init(columns: [String]) {
        self.init(perColumn: [Int](repeating: 0, count: columns.count), policy: .interpolate)
    }

    /// The number of missing values over all columns.
    public var total: Int { perColumn.reduce(0, +) }
}
