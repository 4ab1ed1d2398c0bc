import Foundation

extension JSONValue: Codable {
    /// Decodes any JSON value, trying booleans before numbers so `true` never becomes `1`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

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
    /// Parses UTF-8 JSON bytes; nil when they are not a JSON document.
    ///
    /// Cost: O(bytes). Nothing here traps on malformed input.
    public init?(jsonBytes: Data) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: jsonBytes) else { return nil }
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
