import COpenSSL
import Foundation

/// The signatures of the last `capacity` accepted messages, to refuse a message sent twice.
///
/// A signed request copied off the wire (or re-sent by a confused client) carries a valid
/// signature; without a memory of what was seen, every copy would run again. Jupyter's
/// `Session` keeps such a "digest history" (2^16 signatures) and rejects a repeat as a
/// "Duplicate Signature"; this is the same idea with first-in-first-out eviction:
///
///     var history = DigestHistory(capacity: 2)
///     history.insert(a)   // true: new
///     history.insert(a)   // false: a replay
///     history.insert(b); history.insert(c)   // `a` is evicted (capacity 2)
///     history.insert(a)   // true again: only the last `capacity` are remembered
///
/// Every genuine message has a fresh `msg_id` and date, so its signature never repeats.
/// A signature is remembered as its 32 bytes (64 hex digits decoded; anything else by its
/// SHA-256), ~100 bytes an entry: ~6 MiB when full (16 MiB if kept as `Data`). Cost: O(1)
/// per insert.
public struct DigestHistory: Sendable {
    /// How many signatures are remembered (Jupyter's `Session.digest_history_size`).
    public static let defaultCapacity = 1 << 16

    /// 32 bytes that stand for one signature.
    typealias Fingerprint = SIMD4<UInt64>

    public let capacity: Int
    private var seen = Set<Fingerprint>()
    /// Fingerprints in arrival order, as a ring: `order[next]` is the oldest once full.
    private var order = [Fingerprint]()
    private var next = 0

    public init(capacity: Int = defaultCapacity) {
        precondition(capacity > 0, "a digest history must remember at least one signature")
        self.capacity = capacity
    }

    /// How many signatures are remembered now (at most ``capacity``).
    public var count: Int { seen.count }

    /// Records `signature`; false when it is already remembered (the message is a replay).
    public mutating func insert(_ signature: Data) -> Bool {
        let fingerprint = Self.fingerprint(of: signature)
        guard !seen.contains(fingerprint) else { return false }
        if order.count < capacity {
            order.append(fingerprint)
        } else {
            seen.remove(order[next])
            order[next] = fingerprint
            next = (next + 1) % capacity
        }
        seen.insert(fingerprint)
        return true
    }

    /// The bytes a 64-digit hex signature encodes (two signatures are equal exactly when their
    /// fingerprints are); for any other text, its SHA-256.
    static func fingerprint(of signature: Data) -> Fingerprint {
        var bytes = [UInt8](repeating: 0, count: 32)
        if signature.count == 64, let decoded = hexDecoded(signature) {
            bytes = decoded
        } else {
            signature.withUnsafeBytes { _ = EVP_Digest($0.baseAddress, $0.count, &bytes, nil, EVP_sha256(), nil) }
        }
        return bytes.withUnsafeBytes { raw in
            Fingerprint((0..<4).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) })
        }
    }

    /// The bytes of lowercase hex text, or nil if it is not lowercase hex of even length.
    private static func hexDecoded(_ text: Data) -> [UInt8]? {
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        let digits = Array(text)
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count - 1, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
