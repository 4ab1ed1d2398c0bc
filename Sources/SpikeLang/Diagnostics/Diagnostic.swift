/// One error in a cell: what went wrong and where.
///
/// Diagnostics are values: tests compare them with `==`, and their text (message, source line,
/// caret) is produced in one place, `Diagnostic+Text.swift`.
public struct Diagnostic: Error, Equatable, Sendable {
    public var problem: Problem
    public var range: SourceRange

    public init(_ problem: Problem, at range: SourceRange) {
        self.problem = problem
        self.range = range
    }

    public var kind: ErrorKind { problem.kind }
}
