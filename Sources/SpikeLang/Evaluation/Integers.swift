/// Conversions from Spike's one number type to the integers sizes, counts and indices need.
enum Integers {
    /// The largest magnitude accepted as an integer: 2^53, beyond which doubles skip integers.
    static let limit = 9_007_199_254_740_992.0

    /// `value` as an `Int`, or a ValueError naming `what` if it is not integral or too large.
    static func exact(_ value: Double, what: String, at range: SourceRange) throws -> Int {
        guard value.isFinite, value == value.rounded(), abs(value) <= limit, let integer = Int(exactly: value) else {
            throw Diagnostic(.notAnInteger(what: what, value: value), at: range)
        }
        return integer
    }
}
