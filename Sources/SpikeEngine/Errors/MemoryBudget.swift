import Foundation

/// The largest number of bytes one engine request may allocate; checked *before* allocating.
///
/// A request beyond the budget fails with `EngineError.resource` instead of exhausting the
/// machine. `standard` is half of the physical memory; pass another budget to change it.
///
///     let small = MemoryBudget(bytes: 1 << 20)
///     try Tensor.zeros([1024, 1024], budget: small)   // throws .resource(requestedBytes: 4194304, ...)
public struct MemoryBudget: Equatable, Sendable {
    /// The limit, in bytes.
    public let bytes: Int

    /// A budget of `bytes` bytes (negative values count as zero).
    public init(bytes: Int) {
        self.bytes = max(0, bytes)
    }

    /// A budget of `fraction` (0...1) of this machine's physical memory.
    public static func fractionOfPhysicalMemory(_ fraction: Double) -> MemoryBudget {
        let physical = Double(ProcessInfo.processInfo.physicalMemory)
        let clamped = min(max(fraction, 0), 1)
        return MemoryBudget(bytes: Int(physical * clamped))
    }

    /// Half of the physical memory: the default for every allocating call.
    public static var standard: MemoryBudget { fractionOfPhysicalMemory(0.5) }

    /// Throws `.resource` unless `count` Float32 scalars fit; overflow counts as too much.
    public func check(scalars count: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
        if overflow || bytes > self.bytes {
            throw EngineError.resource(requestedBytes: overflow ? Int.max : bytes, budgetBytes: self.bytes)
        }
    }
}
