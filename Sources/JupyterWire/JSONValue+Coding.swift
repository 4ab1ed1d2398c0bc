import Foundation

extension JSONValue: Encodable {
    /// Encodes the value; a non-finite double is written as `null`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number):
            if number.isFinite { try container.encode(number) } else { try container.encodeNil() }
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }
}

extension JSONValue {
    /// Parses UTF-8 JSON bytes strictly (see ``JSONParser``); nil when they are not exactly one
    /// JSON value.
    ///
    /// Cost: O(bytes). Nothing here traps on malformed input; nesting is limited to 512 levels.
    public init?(jsonBytes: Data) {
        guard let value = JSONParser.parse(jsonBytes) else { return nil }
        self = value
    }

    /// The value as compact UTF-8 JSON with sorted keys (deterministic bytes to sign).
    ///
    /// Cost: O(size of the value). Encoding a `JSONValue` cannot fail: non-finite doubles are
    /// already mapped to `null`, so an encoder error here is a programmer error.
    public func jsonBytes() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            preconditionFailure("JSONValue is always encodable: \(error)")
        }
    }

    /// The value as a compact JSON string.
    public func jsonString() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }
}
