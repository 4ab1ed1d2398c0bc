import COpenBLAS

/// C = op(A)·op(B) + beta·C on row-major operands, through single-threaded OpenBLAS calls that a
/// large product splits over the engine's threads (`KernelThreads`) by ranges of C's rows.
/// Each C element is still one OpenBLAS dot product over the whole inner dimension, and ranges
/// hold multiples of 96 rows, so OpenBLAS's register blocks of rows (24 on this machine's
/// Zen kernel; 96 is a multiple of 24 and of every power of two up to 32) fall where they
/// fall unsplit: the split changes no bit (`KernelSplitTests` checks it).
/// (Splitting columns would: OpenBLAS's results for a column depend on where its panel starts.)
///
///     ThreadedGEMM.multiply(x, lda: k, transposeA: false, w, ldb: n, transposeB: false,
///                           into: y, ldc: n, m: rows, n: n, k: k, beta: 0)
///
/// Cost: 2·m·n·k flops; a part has at least `KernelThreads.minimumGEMMWork` multiply-adds.
public enum ThreadedGEMM {
    /// Rows per range of a split (a multiple of every OpenBLAS single-precision row unroll).
    static let rowAlignment = 96

    /// C[m×n] = op(A)·op(B) + beta·C, with A's, B's and C's leading dimensions `lda`, `ldb`, `ldc`.
    public static func multiply(
        _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool, _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, k: Int, beta: Float
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        KernelThreads.singleThreadedBLAS()
        let parts = KernelThreads.parts(
            items: m, cost: n.multipliedReportingOverflow(by: k).partialValue, alignment: rowAlignment,
            minimum: KernelThreads.minimumGEMMWork)
        KernelThreads.run(parts: parts, items: m, alignment: rowAlignment) { _, first, count in
            // Rows first..<first + count of C: rows of A, or columns of A when it is transposed.
            let start = transposeA ? a + first : a + first * lda
            call(start, lda, transposeA, b, ldb, transposeB, c + first * ldc, ldc, m: count, n: n, k: k, beta: beta)
        }
    }

    /// One OpenBLAS call.
    @inline(__always)
    private static func call(
        _ a: UnsafePointer<Float>, _ lda: Int, _ transposeA: Bool, _ b: UnsafePointer<Float>, _ ldb: Int, _ transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, m: Int, n: Int, k: Int, beta: Float
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
