import Foundation

/// The largest number of bytes one engine request may allocate; checked *before* allocating.
///
/// A request beyond the budget fails with `EngineError.resource` instead of exhausting the
/// process: Swift aborts when an allocation fails (under `RLIMIT_AS`), and the kernel's OOM
/// killer ends the process without a message (past a cgroup limit), so the check must refuse
/// first. `standard` allows a request `liveFraction` of the headroom `MemoryHeadroom.system`
/// reports at that moment (the tightest of cgroup, `RLIMIT_AS` and available memory, less what
/// the process already holds); a fixed budget allows a set number of bytes.
///
///     let small = MemoryBudget(bytes: 1 << 20)
///     try Tensor.zeros([1024, 1024], budget: small)   // throws .resource(requestedBytes: 4194304, ...)
///
/// Callers pass what the operation *peaks* at, not just the size of its result (a copy being
/// made, a conversion to Float64, the text shown), so the check matches what is allocated.
public struct MemoryBudget: Sendable {
    /// The fixed limit, in bytes (`Int.max` for the live budget, which has none).
    public let bytes: Int
    /// Where the live headroom comes from; nil for a fixed budget.
    let headroom: MemoryHeadroom?

    /// A fixed budget of `bytes` bytes (negative values count as zero).
    public init(bytes: Int) {
        self.bytes = max(0, bytes)
        self.headroom = nil
    }

    /// A budget that allows each request `liveFraction` of `headroom.bytesFree()` at the time
    /// of the check, and never more than `cap` bytes.
    public init(headroom: MemoryHeadroom, cap: Int = .max) {
        self.bytes = max(0, cap)
        self.headroom = headroom
    }

    /// The share of the free headroom one request may take: the rest stays for the result's
    /// display, the allocator's slack and the thread stacks that grow later.
    public static let liveFraction = 0.75

    /// Requests smaller than this are checked against `bytes` only, without reading the
    /// headroom (a few small files): a cell may make many small requests, and their sizes
    /// are within the slack `liveFraction` leaves.
    public static let liveCheckThreshold = 16 << 20

    /// The live budget of this process: `liveFraction` of what its limits still allow.
    public static var standard: MemoryBudget { MemoryBudget(headroom: .system) }

    /// The most bytes a request of `requested` bytes may take now.
    public func limit(for requested: Int) -> Int {
        guard let headroom, requested >= Self.liveCheckThreshold else { return bytes }
        return min(bytes, Int(Double(headroom.bytesFree()) * Self.liveFraction))
    }

    /// Throws `.resource` unless `requested` bytes fit.
    public func check(bytes requested: Int) throws {
        let limit = limit(for: requested)
        if requested > limit {
            throw EngineError.resource(requestedBytes: requested, budgetBytes: limit)
        }
    }

    /// Throws `.resource` unless `count` items of `size` bytes each fit; overflow counts as too
    /// much. `size` is the bytes one item costs at the operation's peak.
    public func check(count: Int, bytesEach size: Int) throws {
        let (bytes, overflow) = max(0, count).multipliedReportingOverflow(by: max(0, size))
        try check(bytes: overflow ? Int.max : bytes)
    }

    /// Throws `.resource` unless `count` Float32 scalars fit; overflow counts as too much.
    public func check(scalars count: Int) throws {
        try check(count: count, bytesEach: MemoryLayout<Float>.stride)
    }
}
