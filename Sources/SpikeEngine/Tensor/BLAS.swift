import SpikeKernels

/// The engine's threads behind every matrix product and row kernel.
public enum BLAS {
    /// The number of threads one large GEMM or kernel may be split over.
    public static var threads: Int { KernelThreads.count }

    /// Sets the engine's threads (at least 1): what a large GEMM (`ThreadedGEMM`, OpenBLAS
    /// itself on one thread per call) and the row and LIF kernels may split over (`KernelThreads`).
    public static func setThreads(_ count: Int) {
        KernelThreads.set(Swift.max(1, Swift.min(count, 1024)))
    }
}

extension BLAS {
    /// Raw single-precision GEMM, C[m×n] = A[m×k] · B[k×n] (row-major), straight to
    /// `cblas_sgemm`: the yardstick the linear-layer benchmark compares against.
    /// Throws `.shape` when an array is shorter than its matrix.
    public static func multiply(_ a: [Float], _ b: [Float], into c: inout [Float], m: Int, k: Int, n: Int) throws {
        guard m >= 0, k >= 0, n >= 0, a.count >= m * k, b.count >= k * n, c.count >= m * n else {
            throw EngineError.shape(operation: "gemm", first: [a.count, b.count, c.count], second: [m, k, n])
        }
        Tensor.gemm(a, 0, b, 0, &c, 0, m: m, k: k, n: n)
    }
}
