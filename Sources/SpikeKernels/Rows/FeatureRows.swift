/// Batch-norm backward loops over [rows, features] in explicit 8-lane vectors (the pointers
/// may alias, which keeps the auto-vectoriser out). Each feature's sums still run over the
/// rows in order, so the results equal the scalar loops'. Cost: O(rows·features).
public enum FeatureRows {
    typealias Vector = SIMD8<Float>

    /// products[f] += Σ_rows g·x̂ and sums[f] += Σ_rows g. Large inputs go to the engine's
    /// threads by ranges of features (multiples of 8), each still summing its rows in order.
    public static func accumulate(
        _ gs: UnsafePointer<Float>, _ xs: UnsafePointer<Float>, rows: Int, features: Int,
        products: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
    ) {
        KernelThreads.split(items: features, cost: rows, alignment: 8) { first, count in
            accumulate(gs, xs, rows: rows, features: features, from: first, to: first + count, products: products, sums: sums)
        }
    }

    /// `accumulate` for features `start..<end`.
    private static func accumulate(
        _ gs: UnsafePointer<Float>, _ xs: UnsafePointer<Float>, rows: Int, features: Int, from start: Int, to end: Int,
        products: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
    ) {
        let vectorized = start + (end - start) - (end - start) % 8
        for row in 0..<rows {
            let base = row &* features
            var f = start
            while f < vectorized {
                let g = load(gs + (base &+ f))
                let x = load(xs + (base &+ f))
                store(load(products + f) + g * x, products + f)
                store(load(sums + f) + g, sums + f)
                f &+= 8
            }
            while f < end {
                let g = gs[base &+ f]
                let x = xs[base &+ f]
                products[f] += g * x
                sums[f] += g
                f &+= 1
            }
        }
    }

    /// dx = factor[f] · (members·g·γ[f] − sumD[f] − x̂·sumDX[f]) into `out` (may be `gs`).
    public static func batchNormGradient(
        _ gs: UnsafePointer<Float>, _ xs: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int,
        features: Int, members: Float, factor: [Float], gamma: [Float], sumD: [Float], sumDX: [Float]
    ) {
        let vectorized = features - features % 8
        let m = Vector(repeating: members)
        withBuffers(factor, gamma, sumD, sumDX) { factor, gamma, sumD, sumDX in
            guard let a = factor.baseAddress, let c = gamma.baseAddress, let d = sumD.baseAddress,
                let dx = sumDX.baseAddress
            else { return }
            KernelThreads.split(items: rows, cost: features) { first, count in
                for row in first..<(first + count) {
                    let base = row &* features
                    var f = 0
                    while f < vectorized {
                        let value =
                            load(a + f)
                            * (m * load(gs + (base &+ f)) * load(c + f) - load(d + f)
                                - load(xs + (base &+ f)) * load(dx + f))
                        store(value, out + (base &+ f))
                        f &+= 8
                    }
                    while f < features {
                        out[base &+ f] = a[f] * (members * gs[base &+ f] * c[f] - d[f] - xs[base &+ f] * dx[f])
                        f &+= 1
                    }
                }
            }
        }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }
}
