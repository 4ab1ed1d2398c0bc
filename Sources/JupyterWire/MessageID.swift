import COpenSSL
import Foundation
import Synchronization

/// Random version-4 UUIDs in lowercase text, e.g. `51602b3b-38cf-4218-b8d7-8811f057fb65`.
///
/// Every outgoing message needs a fresh `msg_id` (jupyter_client rejects a signature it has
/// seen before). Foundation's `UUID()` costs ~15 µs here, the system generator a system call
/// per 8 bytes and libcrypto's `RAND_bytes` ~0.8 µs per call; so ids are cut from a pool that
/// `RAND_bytes` (seeded by the system) refills 4 KiB at a time, ~50 ns per id.
public enum MessageID {
    /// A new random UUID (122 random bits; version 4, RFC 4122 variant).
    public static func random() -> String {
        var bytes = pool.next16()
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0F) | 0x40
            raw[8] = (raw[8] & 0x3F) | 0x80
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigits[Int(byte >> 4)]
                    text[position + 1] = hexDigits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let pool = RandomPool()
}

/// Cryptographic random bytes fetched in 4 KiB blocks and handed out 16 at a time, each byte
/// once (thread-safe).
private final class RandomPool: Sendable {
    private let state = Mutex(Block())

    func next16() -> (UInt64, UInt64) {
        state.withLock { $0.next16() }
    }
}

/// One block of random bytes and how many of them were handed out.
private struct Block {
    private var block = [UInt8](repeating: 0, count: 4096)
    private var used = 4096

    mutating func next16() -> (UInt64, UInt64) {
        if used == block.count {
            refill()
            used = 0
        }
        let words = block.withUnsafeBytes { raw in
            (
                raw.loadUnaligned(fromByteOffset: used, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: used + 8, as: UInt64.self)
            )
        }
        used += 16
        return words
    }

    private mutating func refill() {
        let filled = block.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard filled != 1 else { return }
        // libcrypto could not seed itself: take the system generator's bytes instead.
        var generator = SystemRandomNumberGenerator()
        block.withUnsafeMutableBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 8) {
                raw.storeBytes(of: generator.next() as UInt64, toByteOffset: offset, as: UInt64.self)
            }
        }
    }
}
