import COpenBLAS
import SpikeKernels

/// The OpenBLAS thread pool behind every matrix product.
public enum BLAS {
    /// The number of threads OpenBLAS uses for one GEMM.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Sets the engine's threads (at least 1): what OpenBLAS may use for a large GEMM (each
    /// GEMM gets them or 1 by its size, `KernelThreads.gemm`) and what the LIF kernels may split
    /// a large block over (`KernelThreads`).
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
