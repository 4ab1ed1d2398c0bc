/// The members a value offers after `.`: record fields, and the named parts of library
/// values. Used by evaluation and by completion, so both always agree.
struct Members {
    var names: [String]
    var value: (String) -> Value?

    static func of(_ base: Value) -> Members {
        switch base {
        case .record(let record):
            return Members(names: record.names) { record[$0] }
        default:
            return Members(names: []) { _ in nil }
        }
    }
}
