import Foundation

extension JSONValue {
    /// Parses UTF-8 JSON bytes strictly (see ``JSONParser``); nil when they are not exactly one
    /// JSON value.
    ///
    /// Cost: O(bytes). Nothing here traps on malformed input; nesting is limited to 512 levels.
    public init?(jsonBytes: Data) {
        guard let value = JSONParser.parse(jsonBytes) else { return nil }
        self = value
    }

    /// The value as compact UTF-8 JSON with sorted keys (deterministic bytes to sign); a
    /// non-finite double is written as `null`. See ``JSONWriter``.
    public func jsonBytes() -> Data {
        var writer = JSONWriter()
        writer.write(self)
        return Data(writer.bytes)
    }

    /// The value as a compact JSON string.
    public func jsonString() -> String {
        var writer = JSONWriter()
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
