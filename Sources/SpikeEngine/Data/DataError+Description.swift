/// The one place where data errors become text.
extension DataError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .fileNotFound(path):
            return "no file at '\(path)'"
        case let .unreadableFile(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .emptyFile(path):
            return "'\(path)' is empty: a header line naming the columns is expected"
        case let .noRows(path):
            return "'\(path)' has a header but no data rows"
        case let .malformedRow(line, column, problem):
            return "line \(line), column \(column): \(problem.description)"
        case let .duplicateColumn(name):
            return "the header names column '\(name)' twice"
        case let .unknownColumn(name, valid):
            return "no column '\(name)'; the columns are \(Self.list(valid))"
        case let .noNumericColumns(path):
            return "'\(path)' has no numeric column"
        case let .missingValue(line, column):
            return "line \(line): the value of '\(column)' is missing (missing=\"error\")"
        case let .allMissing(column):
            return "every value of column '\(column)' is missing"
        case let .unknownDataset(name, valid):
            return "no bundled data set '\(name)'; choose one of \(Self.list(valid))"
        case let .unknownSynthetic(name, valid):
            return "no synthetic kind '\(name)'; choose one of \(Self.list(valid))"
        case let .unknownMissingPolicy(name, valid):
            return "no missing-value policy '\(name)'; choose one of \(Self.list(valid))"
        case let .unknownNormalization(name, valid):
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
        case let .notANumber(text):
            return "'\(text)' is not a number"
        case let .fieldCount(expected, found):
            return "expected \(expected) fields as in the header, found \(found)"
        case .unterminatedQuote:
            return "a quoted field is not closed"
        }
    }
}
