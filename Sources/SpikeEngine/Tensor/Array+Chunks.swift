extension Array where Element == Float {
    /// `count` new scalars written by `fill`, one range of indices at a time (each at most
    /// `chunk` long, in order): `fill(base, range)` must initialise `base[range]`.
    ///
    /// A loop over each range stays a plain vectorisable loop; callers poll a cancellation
    /// check between ranges. If `fill` throws, the ranges written so far are kept and dropped.
    @inlinable
    init(count: Int, inChunksOf chunk: Int, _ fill: (UnsafeMutablePointer<Float>, Range<Int>) throws -> Void) rethrows {
        try self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            try forEachRange(count, of: chunk) { range in
                try fill(buffer.baseAddress.unsafelyUnwrapped, range)
                initialized = range.upperBound
            }
        }
    }
}
