/// The three parts of a split, by name (for messages and the language's `.train` / ...).
public enum SplitPart: String, CaseIterable, Sendable {
    case train, valid, test
}
