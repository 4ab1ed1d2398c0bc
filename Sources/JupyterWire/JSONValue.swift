import Foundation

/// A JSON document as a closed enum: what every Jupyter frame and message field holds.
///
/// Numbers and booleans are told apart by the decoder, never by casting (`1 as? Bool`
/// succeeds with `JSONSerialization`, so `true` and `1` would collide). Integers that fit
/// `Int` decode as `.int`, every other number as `.double`.
///
/// Non-finite doubles cannot be written as JSON (frontends reject `NaN` and `Infinity`):
/// they are encoded as `null`.
///
///     let value: JSONValue = ["code": "1 + 1", "silent": false, "n": 3]
///     value["silent"]?.boolValue  // false
///     value["n"]?.intValue        // 3
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The empty object `{}`.
    public static let emptyObject = JSONValue.object([:])
}

extension JSONValue {
    /// The member named `key` when this is an object, else nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string when this is `.string`, else nil.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean when this is `.bool`, else nil (numbers are not booleans).
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The integer when this is `.int`, or a `.double` holding an exact integer; else nil.
    public var intValue: Int? {
        switch self {
        case .int(let number): return number
        case .double(let number):
            guard number.isFinite, number.rounded() == number, abs(number) < 9.0e15 else { return nil }
            return Int(number)
        default: return nil
        }
    }

    /// The number as a `Double` when this is `.int` or `.double`, else nil.
    public var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// The members when this is an object, else nil.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array, else nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// True for `.null`.
    public var isNull: Bool { self == .null }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
