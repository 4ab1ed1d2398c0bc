import COpenSSL
import Foundation

/// HMAC-SHA256 over the four JSON frames of a message, via libcrypto (see ``HMACSHA256``).
///
/// The signature is the lowercase hex HMAC of header ‖ parent_header ‖ metadata ‖ content,
/// exactly as transmitted; buffers are not signed. The key is the connection file's `key`
/// string's UTF-8 bytes. An empty key disables signing: outgoing signatures are empty and
/// incoming messages are accepted without a check.
///
/// Verification compares in constant time (`CRYPTO_memcmp`). Cost: O(bytes signed).
public struct Signer: Sendable {
    /// The keyed MAC, or nil when the key is empty (no signing).
    private let mac: HMACSHA256?

    public init(key: String) {
        mac = key.isEmpty ? nil : HMACSHA256(key: Array(key.utf8))
    }

    /// True when a key is set and messages are signed.
    public var isSigning: Bool { mac != nil }

    /// The hex signature of `parts` (concatenated), or "" when signing is off.
    public func signature<Parts: Sequence>(of parts: Parts) -> String where Parts.Element == Data {
        guard let mac else { return "" }
        return String(decoding: Self.hex(mac.authenticate(parts)), as: UTF8.self)
    }

    /// Whether `signature` (hex bytes as received) is the signature of `parts`; always true
    /// when signing is off.
    public func verify<Parts: Sequence>(_ signature: Data, of parts: Parts) -> Bool where Parts.Element == Data {
        guard let mac else { return true }
        let expected = Self.hex(mac.authenticate(parts))
        guard signature.count == expected.count else { return false }
        return signature.withUnsafeBytes { received in
            expected.withUnsafeBytes { computed in
                CRYPTO_memcmp(received.baseAddress, computed.baseAddress, computed.count) == 0
            }
        }
    }

    /// Lowercase hex digits of `bytes`, as UTF-8.
    private static func hex(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
