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
