/// Matrix products on the tape.
extension Tape {
    /// a·b over the last two axes (see `Tensor.matmul` for the batched forms).
    /// VJP: (g·bᵀ, aᵀ·g), with b's gradient summed over the batch when b is a shared matrix.
    public func matmul(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try a.value.matmul(b.value)
        return record(value, inputs: [a, b]) { g in
            let gradientA = a.isDifferentiable ? try g.matmul(b.value.transposed()) : nil
            var gradientB: Tensor?
            if b.isDifferentiable {
                if b.value.rank == 2 {
                    // Fold every leading axis into rows: aᵀ·g with a as [rows, k], g as [rows, n].
                    let k = a.shape[a.shape.count - 1]
                    let n = b.shape[1]
                    let rows = a.value.count / Swift.max(k, 1)
                    var result = [Float](repeating: 0, count: k * n)
                    Tensor.gemm(a.value.scalars, 0, g.scalars, 0, &result, 0, m: k, k: rows, n: n, transposeA: true)
                    gradientB = Tensor(unchecked: b.shape, scalars: result)
                } else {
                    gradientB = try a.value.transposed().matmul(g)
                }
            }
            return [gradientA, gradientB]
        }
    }

    /// An affine map over the last axis: x·W + bias, with W of shape [in, out] and bias [out].
    /// Cost: one GEMM of (count/in) × in × out.
    public func linear(_ x: Variable, weight: Variable, bias: Variable?) throws -> Variable {
        guard weight.value.rank == 2, x.value.rank >= 1, x.shape[x.shape.count - 1] == weight.shape[0] else {
            throw EngineError.shape(operation: "linear", first: x.shape, second: weight.shape)
        }
        let product = try matmul(x.value.rank == 1 ? try reshape(x, [1, -1]) : x, weight)
        let shaped = x.value.rank == 1 ? try reshape(product, [weight.shape[1]]) : product
        guard let bias else { return shaped }
        guard bias.shape == [weight.shape[1]] else {
            throw EngineError.shape(operation: "linear bias", first: weight.shape, second: bias.shape)
        }
        return try add(shaped, bias)
    }
}
