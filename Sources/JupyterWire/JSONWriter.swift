import Foundation

/// Writes a ``JSONValue`` as compact UTF-8 JSON with sorted keys — the bytes the kernel signs.
///
/// The output equals Python's `json.dumps(value, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False)` (checked against vectors from scripts/wire_vectors.py): keys ordered by
/// code point, non-ASCII text written as UTF-8, `"` `\` and control characters escaped
/// (`\n \r \t \b \f`, others as `\u00xx`), doubles in their shortest round-trip form, and
/// non-finite doubles as `null` (frontends cannot parse `NaN`). Cost: O(output bytes).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .double(let number):
            if number.isFinite { append(number.description) } else { append("null") }
        case .string(let text): write(string: text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: Self.precedes).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: key)
                bytes.append(UInt8(ascii: ":"))
                if let member = members[key] { write(member) }
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Writes an object of string members whose keys are already in code-point order
    /// (a header's), without building a ``JSONValue``.
    mutating func writeObject(sortedStringMembers members: KeyValuePairs<String, String>) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(string: member.key)
            bytes.append(UInt8(ascii: ":"))
            write(string: member.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Code-point order, which is the order of the UTF-8 bytes: one `memcmp` per comparison.
    private static func precedes(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = Swift.min(a.count, b.count)
                guard common > 0, let x = a.baseAddress, let y = b.baseAddress else { return a.count < b.count }
                let order = memcmp(x, y, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func write(string text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                writeEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape sequence of one byte that may not appear raw in a JSON string.
    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            let hex = Array("0123456789abcdef".utf8)
            append("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
