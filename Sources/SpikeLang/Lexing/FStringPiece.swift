/// One piece of an f-string token (docs/language.md §1): text, or a `{…}` field.
///
///     f"r2={r2:.3f}!"   // .text("r2="), .field(tokens: [r2, ':'], spec: ".3f", …), .text("!")
enum FStringPiece: Equatable {
    /// Text with its escapes decoded and `{{`/`}}` read as one brace.
    case text(String)
    /// `{expression}` or `{expression:spec}`: the expression's tokens, lexed in place (their
    /// ranges point into the cell), then the `:` or `}` that ended it and an end of input;
    /// the spec's text and range (nil without `:`); the range of the whole field.
    case field(tokens: [Token], spec: String?, specRange: SourceRange?, range: SourceRange)
}
