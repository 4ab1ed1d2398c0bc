/// The one place where data errors become text.
extension DataError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "no file at '\(path)'"
        case .unreadableFile(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .emptyFile(let path):
            return "'\(path)' is empty: a header line naming the columns is expected"
        case .noRows(let path):
            return "'\(path)' has a header but no data rows"
        case .malformedRow(let line, let column, let problem):
            return "line \(line), column \(column): \(problem.description)"
        case .duplicateColumn(let name):
            return "the header names column '\(name)' twice"
        case .unknownColumn(let name, let valid):
            return "no column '\(name)'; the columns are \(Self.list(valid))"
        case .noNumericColumns(let path):
            return "'\(path)' has no numeric column"
        case .missingValue(let line, let column):
            return "line \(line): the value of '\(column)' is missing (missing=\"error\")"
        case .allMissing(let column):
            return "every value of column '\(column)' is missing"
        case .unknownDataset(let name, let valid):
            return "no bundled data set '\(name)'; choose one of \(Self.list(valid))"
        case .unknownSynthetic(let name, let valid):
            return "no synthetic kind '\(name)'; choose one of \(Self.list(valid))"
        case .unknownMissingPolicy(let name, let valid):
            return "no missing-value policy '\(name)'; choose one of \(Self.list(valid))"
        case .unknownNormalization(let name, let valid):
            return "no normalization '\(name)'; choose one of \(Self.list(valid))"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension DataError.RowProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notANumber(let text):
            return "'\(text)' is not a number"
        case .fieldCount(let expected, let found):
            return "expected \(expected) fields as in the header, found \(found)"
        case .unterminatedQuote:
            return "a quoted field is not closed"
        }
    }
}
