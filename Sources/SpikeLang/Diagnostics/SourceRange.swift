/// A position in a cell: 1-based line and 1-based column counted in Unicode code points.
///
/// Columns count code points (not grapheme clusters, not UTF-16 units) so that they agree
/// with Jupyter's cursor positions: in `"é" + x` written with a combining accent, `x` sits
/// one column further right than it looks.
public struct SourceLocation: Equatable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open stretch of a cell, from `start` up to (not including) `end`.
public struct SourceRange: Equatable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range covering `line:column` for `length` code points.
    public init(line: Int, column: Int, length: Int = 1) {
        self.start = SourceLocation(line: line, column: column)
        self.end = SourceLocation(line: line, column: column + max(length, 0))
    }

    /// The smallest range covering both `self` and `other`.
    func through(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { start.description }
}
