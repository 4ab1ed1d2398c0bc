/// Which columns of a file become the variates of a series.
public enum ColumnSelection: Equatable, Sendable {
    /// Every numeric column except the time column, in file order. A column counts as numeric
    /// when its first present value is a number; columns of text (dates, names) are skipped.
    case all
    /// These columns, in this order; each must exist and hold numbers.
    case named([String])
}
