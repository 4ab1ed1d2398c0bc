/// Every way reading or naming a data set can fail, as data: each case says *where* (file,
/// line, column) so the message can point at the culprit.
///
/// Argument checks of windowing and splitting (`window`, `horizon`, `split`, ...) throw
/// `EngineError.value` instead, naming the argument. The text shown to users is produced in
/// one place, `DataError+Description.swift`.
///
///     try Series.loadCSV(path: "a.csv")   // line 3 is "1,x" → .malformedRow(line: 3, column: 2, ...)
public enum DataError: Error, Equatable, Sendable {
    /// No file (or a directory) at `path`.
    case fileNotFound(path: String)
    /// The file exists but cannot be read as UTF-8 text.
    case unreadableFile(path: String, reason: String)
    /// The file has no header line (it is empty or blank).
    case emptyFile(path: String)
    /// The file has a header but no data rows.
    case noRows(path: String)
    /// Line `line` (1-based, the header is line 1), field `column` (1-based) is wrong.
    case malformedRow(line: Int, column: Int, problem: RowProblem)
    /// Two header fields have the same name.
    case duplicateColumn(name: String)
    /// `name` is not a column of the file; `valid` lists the columns that are.
    case unknownColumn(name: String, valid: [String])
    /// No column of the file holds numbers (besides the time column).
    case noNumericColumns(path: String)
    /// A value is missing at `line` in `column` and the policy is `.error`.
    case missingValue(line: Int, column: String)
    /// Every value of `column` is missing, so nothing can be filled in.
    case allMissing(column: String)
    /// `name` is not a bundled data set; `valid` lists those that are.
    case unknownDataset(name: String, valid: [String])
    /// `name` is not a synthetic generator; `valid` lists those that are.
    case unknownSynthetic(name: String, valid: [String])
    /// `name` is not a missing-value policy; `valid` lists those that are.
    case unknownMissingPolicy(name: String, valid: [String])
    /// `name` is not a normalization; `valid` lists those that are.
    case unknownNormalization(name: String, valid: [String])

    /// What is wrong with one field of a CSV row.
    public enum RowProblem: Equatable, Sendable {
        /// The field is not a number (its text is kept, trimmed).
        case notANumber(String)
        /// The row has `found` fields where the header has `expected`.
        case fieldCount(expected: Int, found: Int)
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote
    }

    /// The name of the function parameter a user would fix, when the error is about one.
    public var argument: EngineParameter? {
        switch self {
        case .fileNotFound, .unreadableFile, .emptyFile, .noRows, .noNumericColumns: return .path
        case .unknownColumn: return .columns
        case .unknownDataset: return .datasetName
        case .unknownSynthetic: return .syntheticKind
        case .unknownMissingPolicy: return .missingPolicy
        case .unknownNormalization: return .normalization
        case .malformedRow, .duplicateColumn, .missingValue, .allMissing: return nil
        }
    }
}
