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
