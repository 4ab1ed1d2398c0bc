import JupyterWire
import SpikeLang

/// The JSON form of a script's values (`result.json`, the `params` and `result` of a run record).
///
/// Whole numbers within ±2⁵³ are JSON integers, other numbers JSON doubles; `none` is `null`;
/// a record is an object. Two values have no JSON number or text of their own:
/// - a NaN or an infinity is written as `null`, with a note saying which (`result.loss is nan`),
///   so a reader that turns `null` into NaN (pandas) reads a diverged run as missing;
/// - a value with no plain form (a network, a figure…) is written as its text form under keys
///   no record field can have: `{"$type": "a figure", "$text": "…"}`.
extension PlainValue {
    /// The JSON form, and a note for each number written as `null`; `path` names this value
    /// in the notes (`result`, then `result.loss`, `result[2]`).
    public func json(path: String = "result") -> (json: JSONValue, notes: [String]) {
        var notes: [String] = []
        let json = Self.json(of: self, path: path, notes: &notes)
        return (json, notes)
    }

    private static func json(of value: PlainValue, path: String, notes: inout [String]) -> JSONValue {
        switch value {
        case .number(let number):
            guard number.isFinite else {
                notes.append("\(path) is \(number.isNaN ? "nan" : number < 0 ? "-inf" : "inf"), written as null")
                return .null
            }
            if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 { return .int(Int(number)) }
            return .double(number)
        case .string(let text): return .string(text)
        case .boolean(let flag): return .bool(flag)
        case .none: return .null
        case .list(let items):
            return .array(items.enumerated().map { json(of: $1, path: "\(path)[\($0)]", notes: &notes) })
        case .record(let fields):
            var members: [String: JSONValue] = [:]
            for field in fields { members[field.name] = json(of: field.value, path: "\(path).\(field.name)", notes: &notes) }
            return .object(members)
        case .opaque(let kind, let text):
            return ["$type": .string(kind), "$text": .string(text)]
        }
    }
}
