/// One part of an f-string expression (docs/language.md §1): text, or a field whose value is
/// written under its format spec.
///
///     f"n={n} r2={r2:.3f}"   // .text("n="), .field(n, spec: ""), .text(" r2="), .field(r2, spec: ".3f")
enum FormattedPart: Equatable {
    case text(String)
    /// An expression and its format spec (empty: as `str` writes it); `specRange` is where the
    /// spec stands in the cell (the field's `}` without one), for a ValueError's caret.
    case field(Expression, spec: String, specRange: SourceRange)
}
