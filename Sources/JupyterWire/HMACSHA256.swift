import COpenSSL
import Foundation

/// HMAC-SHA256 with the key's pads absorbed once (RFC 2104), on libcrypto's EVP digests.
///
///     HMAC(K, m) = SHA256((K0 ⊕ opad) ‖ SHA256((K0 ⊕ ipad) ‖ m))
///
/// where K0 is the key zero-padded to the 64-byte block (hashed first if longer), ipad = 0x36…
/// and opad = 0x5c…. The two digest states after the padded keys are kept; each message copies
/// them, so a signature costs two SHA-256 runs over the message and no algorithm lookup (the
/// one-shot `HMAC()` of OpenSSL 3 fetches the algorithms on every call). Checked against
/// Python's `hmac` by the wire vectors. Thread-safe: the kept states are only read.
///
/// `@unchecked Sendable`: wraps two C digest states that are written only in `init`.
final class HMACSHA256: @unchecked Sendable {
    static let blockSize = 64
    static let digestSize = 32
    private let inner: OpaquePointer
    private let outer: OpaquePointer

    init(key: [UInt8]) {
        var block = key.count > Self.blockSize ? Self.sha256(key) : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        inner = Self.absorbing(block.map { $0 ^ 0x36 })
        outer = Self.absorbing(block.map { $0 ^ 0x5c })
    }

    deinit {
        EVP_MD_CTX_free(inner)
        EVP_MD_CTX_free(outer)
    }

    /// The 32-byte MAC of the concatenation of `parts`. Cost: O(total bytes).
    func authenticate<Parts: Sequence>(_ parts: Parts) -> [UInt8] where Parts.Element == Data {
        let context = Self.check(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        Self.require(EVP_MD_CTX_copy_ex(context, inner))
        for part in parts {
            part.withUnsafeBytes { Self.require(EVP_DigestUpdate(context, $0.baseAddress, $0.count)) }
        }
        let innerDigest = Self.finish(context)
        Self.require(EVP_MD_CTX_copy_ex(context, outer))
        innerDigest.withUnsafeBytes { Self.require(EVP_DigestUpdate(context, $0.baseAddress, $0.count)) }
        return Self.finish(context)
    }

    private static func absorbing(_ pad: [UInt8]) -> OpaquePointer {
        let context = check(EVP_MD_CTX_new())
        require(EVP_DigestInit_ex(context, EVP_sha256(), nil))
        pad.withUnsafeBytes { require(EVP_DigestUpdate(context, $0.baseAddress, $0.count)) }
        return context
    }

    private static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        let context = absorbing(bytes)
        defer { EVP_MD_CTX_free(context) }
        return finish(context)
    }

    private static func finish(_ context: OpaquePointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        require(EVP_DigestFinal_ex(context, &digest, &length))
        return Array(digest.prefix(Int(length)))
    }

    /// libcrypto failing on SHA-256 (allocation, a broken install) is not recoverable input.
    private static func require(_ status: Int32) {
        precondition(status == 1, "libcrypto SHA-256 failed")
    }

    private static func check(_ context: OpaquePointer?) -> OpaquePointer {
        guard let context else { preconditionFailure("libcrypto could not allocate a digest context") }
        return context
    }
}
