/// SpikeLang: the Spike language (lexer → parser → checker → evaluator).
public enum SpikeLang {
    /// Language version reported in `language_info.version`.
    public static let version = "1.0"
}
