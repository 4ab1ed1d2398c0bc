import COpenSSL
import Foundation

/// HMAC-SHA256 over the four JSON frames of a message, via libcrypto.
///
/// The signature is the lowercase hex HMAC of header ‖ parent_header ‖ metadata ‖ content,
/// exactly as transmitted; buffers are not signed. The key is the connection file's `key`
/// string's UTF-8 bytes. An empty key disables signing: outgoing signatures are empty and
/// incoming messages are accepted without a check.
///
/// Verification compares in constant time (`CRYPTO_memcmp`). Cost: O(bytes signed).
public struct Signer: Sendable {
    private let key: [UInt8]

    public init(key: String) {
        self.key = Array(key.utf8)
    }

    /// True when a key is set and messages are signed.
    public var isSigning: Bool { !key.isEmpty }

    /// The hex signature of `parts` (concatenated), or "" when signing is off.
    public func signature<Parts: Sequence>(of parts: Parts) -> String where Parts.Element == Data {
        guard isSigning else { return "" }
        return Self.hex(digest(of: parts))
    }

    /// Whether `signature` (hex bytes as received) is the signature of `parts`; always true
    /// when signing is off.
    public func verify<Parts: Sequence>(_ signature: Data, of parts: Parts) -> Bool where Parts.Element == Data {
        guard isSigning else { return true }
        let expected = Array(Self.hex(digest(of: parts)).utf8)
        guard signature.count == expected.count else { return false }
        return signature.withUnsafeBytes { received in
            expected.withUnsafeBytes { computed in
                CRYPTO_memcmp(received.baseAddress, computed.baseAddress, computed.count) == 0
            }
        }
    }

    private func digest<Parts: Sequence>(of parts: Parts) -> [UInt8] where Parts.Element == Data {
        var message = Data()
        for part in parts { message.append(part) }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                output.withUnsafeMutableBytes { outputBytes in
                    HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                        messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
                        outputBytes.bindMemory(to: UInt8.self).baseAddress, &length
                    ) != nil
                }
            }
        }
        precondition(ok, "libcrypto HMAC-SHA256 failed")
        return Array(output.prefix(Int(length)))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
