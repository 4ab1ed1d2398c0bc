#if canImport(Glibc)
    import Glibc
#endif

/// Gives freed heap memory back to the operating system, where the C library can (glibc's
/// `malloc_trim`).
///
/// glibc keeps freed blocks in its arenas for reuse: after a stalled IOPub subscriber leaves
/// and libzmq frees the hundreds of megabytes queued for it, the process would otherwise keep
/// them resident. Cost: a walk over the heap, a few milliseconds; call it rarely.
enum HeapTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// `malloc_trim`, looked up at run time (it is not in Swift's Glibc module); nil elsewhere.
    private static let trim: Trim? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        #else
            return nil
        #endif
    }()

    /// Returns free heap pages to the system; true when the C library released any.
    @discardableResult
    static func releaseFreeMemory() -> Bool {
        guard let trim else { return false }
        return trim(0) == 1
    }
}
