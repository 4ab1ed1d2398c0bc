/// Random version-4 UUIDs in lowercase text, e.g. `51602b3b-38cf-4218-b8d7-8811f057fb65`.
///
/// Every outgoing message needs a fresh `msg_id` (jupyter_client rejects a signature it has
/// seen before). Foundation's `UUID()` costs ~15 µs here; 128 bits from the system generator
/// formatted by hand cost a fraction of that.
public enum MessageID {
    /// A new random UUID (122 random bits; version 4, RFC 4122 variant).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var high: UInt64 = generator.next()
        var low: UInt64 = generator.next()
        high = (high & ~0xF000) | 0x4000
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (half, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = half * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 {
                    text.append(UInt8(ascii: "-"))
                }
                text.append(digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
