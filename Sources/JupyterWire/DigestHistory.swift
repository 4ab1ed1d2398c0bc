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
/// Cost: O(1) per insert (hash of the signature's bytes); memory ~ capacity × 150 bytes.
public struct DigestHistory: Sendable {
    /// How many signatures are remembered (Jupyter's `Session.digest_history_size`).
    public static let defaultCapacity = 1 << 16

    public let capacity: Int
    private var seen = Set<Data>()
    /// Signatures in arrival order, as a ring: `order[next]` is the oldest once full.
    private var order = [Data]()
    private var next = 0

    public init(capacity: Int = defaultCapacity) {
        precondition(capacity > 0, "a digest history must remember at least one signature")
        self.capacity = capacity
    }

    /// How many signatures are remembered now (at most ``capacity``).
    public var count: Int { seen.count }

    /// Records `signature`; false when it is already remembered (the message is a replay).
    public mutating func insert(_ signature: Data) -> Bool {
        guard !seen.contains(signature) else { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            seen.remove(order[next])
            order[next] = signature
            next = (next + 1) % capacity
        }
        seen.insert(signature)
        return true
    }
}
