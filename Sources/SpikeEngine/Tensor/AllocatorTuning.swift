#if canImport(Glibc)
    import Glibc
#endif

/// Tells the C allocator to keep freed tensor memory in the process instead of returning it
/// to the kernel after every op.
///
/// Engine ops allocate and free megabyte-sized buffers at a high rate; glibc's defaults hand
/// such blocks back with `munmap`/trimming, so every new buffer pays a page fault per 4 KiB
/// (measured: the LIF forward+backward at T=4, B=64, D=1024 runs 3–5× slower). Call this once
/// at process start (the `spike` executable does, for the kernel and for `spike bench`).
/// It changes process-wide allocator settings, which is why it is explicit and never implicit.
public enum AllocatorTuning {
    /// Raises the mmap threshold to 32 MiB and the trim threshold to `bytes` (default 512 MiB).
    public static func retainFreedMemory(upTo bytes: Int = 512 << 20) {
        #if canImport(Glibc)
            // Swift's Glibc module does not export <malloc.h>; look `mallopt` up at run time.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD in <malloc.h>
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
            _ = mallopt(mmapThreshold, Int32(32 << 20))
            _ = mallopt(trimThreshold, Int32(clamping: bytes))
        #endif
    }
}
