/// The kernel's editor requests: completion, inspection and completeness. None of them runs
/// user code; positions are Unicode code-point offsets into `code`.
extension Session {
    /// Completion candidates for the word ending at `cursor`, and the range they replace.
    public func complete(_ code: String, cursor: Int) -> CompletionResult {
        Completer(bindings: bindings, library: library).complete(code, cursor: cursor)
    }

    /// The signature, defaults and summary of the name at `cursor` (or of the call around
    /// it), or nil when there is nothing to say.
    public func inspect(_ code: String, cursor: Int) -> String? {
        Inspector(session: self).inspect(code, cursor: cursor)
    }

    /// Whether `code` is ready to run (`is_complete`).
    public func completeness(_ code: String) -> Completeness {
        CompletenessCheck.of(code)
    }
}
