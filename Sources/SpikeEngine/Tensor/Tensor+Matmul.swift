import SpikeKernels

/// Matrix products through OpenBLAS `cblas_sgemm`.
///
///     [m, k] x [k, n]            -> [m, n]
///     [b..., m, k] x [k, n]      -> [b..., m, n]      (rows of every batch in one GEMM)
///     [b..., m, k] x [b..., k, n] -> [b..., m, n]     (one GEMM per batch)
///
/// Cost: 2·m·k·n flops per batch; about 128 GFLOP/s on one core here.
extension Tensor {
    /// The matrix product of the last two axes, batched over any leading axes; either operand
    /// may be read transposed (its last two axes swapped) without materialising the transpose.
    public func matmul(
        _ other: Tensor, transposingSelf: Bool = false, transposingOther: Bool = false,
        budget: MemoryBudget = .standard
    ) throws -> Tensor {
        guard rank >= 2, other.rank >= 2 else {
            throw EngineError.shape(operation: "matmul", first: shape, second: other.shape)
        }
        let (rows, inner) = (shape[rank - 2], shape[rank - 1])
        let (otherRows, otherColumns) = (other.shape[other.rank - 2], other.shape[other.rank - 1])
        let m = transposingSelf ? inner : rows
        let k = transposingSelf ? rows : inner
        let n = transposingOther ? otherRows : otherColumns
        guard k == (transposingOther ? otherColumns : otherRows) else {
            throw EngineError.shape(operation: "matmul", first: shape, second: other.shape)
        }
        if other.rank == 2, !transposingSelf {
            let leading = Array(shape.dropLast())
            let folded = leading.reduce(1, *)  // all leading axes folded into GEMM rows
            try budget.check(scalars: folded * n)
            var result = Self.uninitialized(folded * n, zeroed: k == 0)
            Self.gemm(scalars, 0, other.scalars, 0, &result, 0, m: folded, k: k, n: n, transposeB: transposingOther)
            return Tensor(unchecked: leading + [n], scalars: result)
        }
        let batch = Array(shape.dropLast(2))
        let otherBatch = Array(other.shape.dropLast(2))
        guard batch == otherBatch || otherBatch.isEmpty else {
            throw EngineError.shape(operation: "matmul", first: shape, second: other.shape)
        }
        let batches = batch.reduce(1, *)
        try budget.check(scalars: batches * m * n)
        var result = Self.uninitialized(batches * m * n, zeroed: k == 0)
        let otherStride = otherBatch.isEmpty ? 0 : k * n
        for index in 0..<batches {
            Self.gemm(
                scalars, index * m * k, other.scalars, index * otherStride, &result, index * m * n,
                m: m, k: k, n: n, transposeA: transposingSelf, transposeB: transposingOther)
        }
        return Tensor(unchecked: batch + [m, n], scalars: result)
    }

    /// The matrix product as NumPy's `matmul` (the language's `a @ b`): a rank-1 left operand
    /// is a row `[1, k]` and a rank-1 right operand a column `[k, 1]`, that axis dropped from
    /// the result (`[k] @ [k]` gives rank 0); leading batch axes must be equal or present on
    /// one side only. Inner sizes that differ throw `.shape(operation: "matmul", …)` naming
    /// both shapes; a result beyond `budget` throws `.resource`.
    ///
    /// The GEMM runs in blocks of rows, each about `pollWork` multiply-adds (at least 64 rows),
    /// polling `isCancelled` between them, so an interrupt ends a long product within one block.
    public func matrixProduct(
        _ other: Tensor, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        guard rank >= 1, other.rank >= 1 else {
            throw EngineError.shape(operation: "matmul", first: shape, second: other.shape)
        }
        let left = rank == 1 ? [1] + shape : shape
        let right = other.rank == 1 ? other.shape + [1] : other.shape
        let (m, k) = (left[left.count - 2], left[left.count - 1])
        let (otherK, n) = (right[right.count - 2], right[right.count - 1])
        let leftBatch = Array(left.dropLast(2))
        let rightBatch = Array(right.dropLast(2))
        guard k == otherK, leftBatch == rightBatch || leftBatch.isEmpty || rightBatch.isEmpty else {
            throw EngineError.shape(operation: "matmul", first: shape, second: other.shape)
        }
        let batch = leftBatch.isEmpty ? rightBatch : leftBatch
        let batches = batch.reduce(1, *)
        let total = try Self.elementCount(of: batch + [m, n])
        try budget.check(scalars: total)
        var result = Self.uninitialized(total, zeroed: k == 0)
        let blockRows = Swift.max(64, Self.pollWork / Swift.max(1, k * n))
        for index in 0..<batches {
            let (a, b) = (leftBatch.isEmpty ? 0 : index * m * k, rightBatch.isEmpty ? 0 : index * k * n)
            for first in stride(from: 0, to: m, by: blockRows) {
                try checkCancelled(isCancelled)
                let rows = Swift.min(blockRows, m - first)
                Self.gemm(scalars, a + first * k, other.scalars, b, &result, (index * m + first) * n, m: rows, k: k, n: n)
            }
        }
        var resultShape = batch
        if rank > 1 { resultShape.append(m) }
        if other.rank > 1 { resultShape.append(n) }
        return Tensor(unchecked: resultShape, scalars: result)
    }

    /// About how many multiply-adds `matrixProduct` does between two polls of its cancellation
    /// check (2^26, a few milliseconds on one core; a block of 64 rows may do more).
    static let pollWork = 1 << 26

    /// An array of `count` scalars that a non-accumulating GEMM will overwrite entirely
    /// (zeroed when the GEMM has nothing to write, k = 0).
    static func uninitialized(_ count: Int, zeroed: Bool) -> [Float] {
        if zeroed || count == 0 { return [Float](repeating: 0, count: count) }
        // Float is a trivial type: the GEMM's writes are its initialisation.
        return [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// C[m×n] (+)= op(A) · op(B) on row-major slices, with optional transposes (used by gradients).
    static func gemm(
        _ a: [Float], _ aOffset: Int, _ b: [Float], _ bOffset: Int, _ c: inout [Float], _ cOffset: Int,
        m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate {
                for index in cOffset..<(cOffset + m * n) { c[index] = 0 }
            }
            return
        }
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    ThreadedGEMM.multiply(
                        ap.baseAddress! + aOffset, lda: transposeA ? m : k, transposeA: transposeA,
                        bp.baseAddress! + bOffset, ldb: transposeB ? k : n, transposeB: transposeB,
                        into: cp.baseAddress! + cOffset, ldc: n, m: m, n: n, k: k, beta: accumulate ? 1 : 0)
                }
            }
        }
    }
}
