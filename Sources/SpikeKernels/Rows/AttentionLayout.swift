import COpenBLAS

/// Where each head's blocks sit in a [..., L, D] tensor and the strided GEMMs over them.
public struct AttentionLayout {
    let length: Int
    public let features: Int
    let heads: Int
    let width: Int
    /// The number of [L, D] matrices (T·B).
    let batches: Int

    /// The layout of a tensor of `shape` [..., L, D] split into `heads` heads of D/heads features.
    public init(shape: [Int], heads: Int) {
        length = shape[shape.count - 2]
        features = shape[shape.count - 1]
        self.heads = heads
        width = features / heads
        batches = shape.dropLast(2).reduce(1, *)
    }

    public var count: Int { batches * length * features }
    /// Scalars of all the M_h = K_hᵀ V_h.
    public var productCount: Int { batches * heads * width * width }

    /// Calls `body(operand offset, product offset, scratch)` for every (matrix, head), ranges
    /// of matrices on the engine's threads when large, each range with `scratch` floats of its
    /// own. Every per-head GEMM has L·w² multiply-adds, a single-threaded OpenBLAS call.
    private func forEachHead(scratch: Int = 0, _ body: (Int, Int, UnsafeMutablePointer<Float>) -> Void) {
        KernelThreads.singleThreadedBLAS()
        let parts = KernelThreads.parts(
            items: batches, cost: heads * length * width * width, minimum: KernelThreads.minimumGEMMWork)
        KernelThreads.run(parts: parts, items: batches) { _, first, count in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Swift.max(scratch, 1)) { buffer in
                for batch in first..<(first + count) {
                    for head in 0..<heads {
                        body(batch * length * features + head * width, (batch * heads + head) * width * width, buffer.baseAddress!)
                    }
                }
            }
        }
    }

    /// A zeroed array of `size` scalars that `body(a, b, out, operand offset, product offset)`
    /// fills head by head from `a` and `b` (left zero when a dimension is empty).
    private func perHead(
        _ a: [Float], _ b: [Float], size: Int,
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int) -> Void
    ) -> [Float] {
        var result = [Float](repeating: 0, count: size)
        guard length > 0, width > 0 else { return result }
        withBuffers(a, b) { a, b in
            result.withUnsafeMutableBufferPointer { out in
                forEachHead { offset, product, _ in body(a.baseAddress!, b.baseAddress!, out.baseAddress!, offset, product) }
            }
        }
        return result
    }

    /// M_h = K_hᵀ V_h for every matrix and head: [batches, heads, width, width].
    public func keyValueProducts(_ k: [Float], _ v: [Float]) -> [Float] {
        perHead(k, v, size: productCount) { k, v, m, offset, product in
            gemm(k + offset, features, true, v + offset, features, false, m + product, width, m: width, n: width, k: length)
        }
    }

    /// scale · Q_h M_h for every matrix and head, in the [..., L, D] layout.
    public func attention(_ q: [Float], _ products: [Float], scale: Float) -> [Float] {
        var result = perHead(q, products, size: count) { q, m, y, offset, product in
            gemm(q + offset, features, false, m + product, width, false, y + offset, features, m: length, n: width, k: width)
        }
        result.withUnsafeMutableBufferPointer { buffer in
            guard let y = buffer.baseAddress else { return }
            KernelThreads.split(items: buffer.count, cost: 1, alignment: 1024) { first, count in
                for index in first..<(first + count) { y[index] *= scale }
            }
        }
        return result
    }

    /// dQ_h = G_h M_hᵀ.
    public func queryGradient(_ g: [Float], _ products: [Float]) -> [Float] {
        perHead(g, products, size: count) { g, m, dq, offset, product in
            gemm(g + offset, features, false, m + product, width, true, dq + offset, features, m: length, n: width, k: width)
        }
    }

    /// (dK_h = V_h dM_hᵀ, dV_h = K_h dM_h) with dM_h = Q_hᵀ G_h.
    public func keyValueGradients(_ q: [Float], _ k: [Float], _ v: [Float], _ g: [Float]) -> ([Float], [Float]) {
        var dk = [Float](repeating: 0, count: count)
        var dv = [Float](repeating: 0, count: count)
        guard length > 0, width > 0 else { return (dk, dv) }
        withBuffers(q, k, v, g) { q, k, v, g in
            withMutableBuffers(&dk, &dv) { dk, dv in
                forEachHead(scratch: width * width) { offset, _, dm in
                    dm.initialize(repeating: 0, count: width * width)
                    gemm(
                        q.baseAddress! + offset, features, true, g.baseAddress! + offset, features, false,
                        dm, width, m: width, n: width, k: length)
                    gemm(
                        v.baseAddress! + offset, features, false, dm, width, true,
                        dk.baseAddress! + offset, features, m: length, n: width, k: width)
                    gemm(
                        k.baseAddress! + offset, features, false, dm, width, false,
                        dv.baseAddress! + offset, features, m: length, n: width, k: width)
                }
            }
        }
        return (dk, dv)
    }

    /// C += op(A)·op(B) (m × n, inner k) on row-major operands with leading dimensions. Every
    /// caller hands in a zeroed C: with beta = 1 OpenBLAS skips its own zeroing pass, which
    /// for a strided C is one memset per row (a third of the cost of these 16-wide products).
    private func gemm(
        _ a: UnsafePointer<Float>, _ lda: Int, _ transposeA: Bool, _ b: UnsafePointer<Float>, _ ldb: Int, _ transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, m: Int, n: Int, k: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), 1, c, Int32(ldc))
    }
}
