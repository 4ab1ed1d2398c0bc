/// The loops of batch and layer normalization over [rows, features] (row-major): statistics,
/// x̂, the affine map back out and the VJP. Per feature (batch norm: the groups are the
/// features, summed over rows) or per row (layer norm: each row is a group). Sums of the
/// statistics run in Float64; every loop walks rows in storage order so it vectorises.
/// Cost: O(rows·features) per pass.
public struct NormalizationRows: Sendable {
    public let rows: Int
    public let features: Int
    /// Layer norm (statistics per row) rather than batch norm (per feature).
    public let perRow: Bool

    public init(rows: Int, features: Int, perRow: Bool) {
        self.rows = rows
        self.features = features
        self.perRow = perRow
    }

    /// How many statistics there are: one per row or one per feature.
    public var groups: Int { perRow ? rows : features }

    /// Mean, biased variance and 1/√(σ²+ε) of every group of `x`.
    public func statistics(_ x: [Float], epsilon: Float) -> (mean: [Float], variance: [Float], inverse: [Float]) {
        let members = Double(Swift.max(perRow ? features : rows, 1))
        var sums = [Double](repeating: 0, count: groups)
        var squares = [Double](repeating: 0, count: groups)
        x.withUnsafeBufferPointer { xs in
            withMutableBuffers(&sums, &squares) { sums, squares in
                guard let x = xs.baseAddress, let sum = sums.baseAddress, let square = squares.baseAddress else { return }
                if perRow {
                    KernelThreads.split(items: rows, cost: features) { first, count in
                        for row in first..<(first + count) {
                            let values = x + row &* features
                            var a = 0.0
                            var b = 0.0
                            for f in 0..<features {
                                let v = Double(values[f])
                                a += v
                                b += v * v
                            }
                            sum[row] = a
                            square[row] = b
                        }
                    }
                } else {
                    // Each feature sums its rows in order, whichever thread has its range.
                    KernelThreads.split(items: features, cost: rows, alignment: 16) { first, count in
                        let (sum, square) = (sum + first, square + first)
                        for row in 0..<rows {
                            let values = x + (row &* features &+ first)
                            for f in 0..<count {
                                let v = Double(values[f])
                                sum[f] += v
                                square[f] += v * v
                            }
                        }
                    }
                }
            }
        }
        var variance = [Float](repeating: 0, count: groups)
        var inverse = [Float](repeating: 0, count: groups)
        var mean = [Float](repeating: 0, count: groups)
        for group in 0..<groups {
            let m = sums[group] / members
            let v = Swift.max(0, squares[group] / members - m * m)
            mean[group] = Float(m)
            variance[group] = Float(v)
            inverse[group] = Float(1 / (v + Double(epsilon)).squareRoot())
        }
        return (mean, variance, inverse)
    }

    /// x̂ = (x − μ)·(1/√(σ²+ε)) with the statistics of each entry's group.
    public func normalized(_ x: [Float], mean: [Float], inverse: [Float]) -> [Float] {
        let total = x.count
        return [Float](unsafeUninitializedCapacity: total) { out, initialized in
            withBuffers(x, mean, inverse) { xs, mu, inv in
                // Pointers as constants: the split's closure then keeps them in registers.
                guard let y = out.baseAddress, let x = xs.baseAddress, let mu = mu.baseAddress, let inv = inv.baseAddress
                else { return }
                KernelThreads.split(items: rows, cost: features) { first, count in
                    for row in first..<(first + count) {
                        let base = row &* features
                        if perRow {
                            let (m, i) = (mu[row], inv[row])
                            for f in 0..<features { y[base &+ f] = (x[base &+ f] - m) * i }
                        } else {
                            for f in 0..<features { y[base &+ f] = (x[base &+ f] - mu[f]) * inv[f] }
                        }
                    }
                }
            }
            initialized = total
        }
    }

    /// γ·x + β with γ and β broadcast along rows of `features` entries (`x.count` entries).
    public static func affine(_ x: [Float], scale: [Float], shift: [Float], features: Int) -> [Float] {
        let total = x.count
        return [Float](unsafeUninitializedCapacity: total) { out, initialized in
            withBuffers(x, scale, shift) { xs, gamma, beta in
                guard let y = out.baseAddress, let x = xs.baseAddress, let g = gamma.baseAddress, let b = beta.baseAddress
                else { return }
                let rows = features > 0 ? total / features : 0
                KernelThreads.split(items: rows, cost: features) { first, count in
                    for row in first..<(first + count) {
                        let base = row &* features
                        for f in 0..<features { y[base &+ f] = x[base &+ f] * g[f] + b[f] }
                    }
                }
            }
            initialized = total
        }
    }

    /// γ·x̂ + β for neurons `start..<start + width` (whole rows of `features`) of every time
    /// step of a [T, N] x̂, step t's row at `block + t·stride`: the arithmetic of `affine`.
    public static func affineBlock(
        _ xhat: UnsafePointer<Float>?, _ gamma: [Float], _ beta: [Float], start: Int, width: Int, steps: Int,
        neurons: Int, features: Int, into block: UnsafeMutablePointer<Float>, stride: Int
    ) {
        guard let xhat else { return }
        withBuffers(gamma, beta) { gamma, beta in
            guard let g = gamma.baseAddress, let b = beta.baseAddress else { return }
            for t in 0..<steps {
                let source = xhat + (t &* neurons &+ start)
                let target = block + t &* stride
                var offset = 0
                while offset < width {
                    let x = source + offset
                    let y = target + offset
                    for f in 0..<features { y[f] = x[f] * g[f] + b[f] }
                    offset &+= features
                }
            }
        }
    }

    /// The normalization VJP on raw rows: dx into `out` (which may be `gs` itself: each entry
    /// is read before it is written), returning (dγ, dβ). With d = g·γ: batch norm needs
    /// Σ_rows d = γ·Σ g and Σ_rows d·x̂ = γ·Σ g·x̂ (the dβ and dγ sums); layer norm sums d and
    /// d·x̂ along each row.
    public func backward(
        _ gs: UnsafePointer<Float>?, xhat xs: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>?,
        inverseDeviation: [Float], scale gamma: [Float]
    ) -> (scale: [Float], shift: [Float]) {
        var gScale = [Float](repeating: 0, count: features)
        var gShift = [Float](repeating: 0, count: features)
        guard let gs, let xs, let out, rows > 0, features > 0 else { return (gScale, gShift) }
        if !perRow {
            withMutableBuffers(&gScale, &gShift) { dScale, dShift in
                FeatureRows.accumulate(gs, xs, rows: rows, features: features, products: dScale.baseAddress!, sums: dShift.baseAddress!)
            }
            let members = Float(rows)
            let sumD = zip(gShift, gamma).map { $0 * $1 }
            let sumDX = zip(gScale, gamma).map { $0 * $1 }
            let factor = inverseDeviation.map { $0 / members }
            FeatureRows.batchNormGradient(
                gs, xs, into: out, rows: rows, features: features, members: members,
                factor: factor, gamma: gamma, sumD: sumD, sumDX: sumDX)
            return (gScale, gShift)
        }
        var rowD = [Float](repeating: 0, count: rows)
        var rowDX = [Float](repeating: 0, count: rows)
        gamma.withUnsafeBufferPointer { gamma in
            withMutableBuffers(&gScale, &gShift) { dScale, dShift in
                for row in 0..<rows {
                    let base = row &* features
                    var d = Float(0)
                    var dx = Float(0)
                    for f in 0..<features {
                        let gradient = gs[base &+ f]
                        let normalized = xs[base &+ f]
                        dScale[f] += gradient * normalized
                        dShift[f] += gradient
                        d += gradient * gamma[f]
                        dx += gradient * gamma[f] * normalized
                    }
                    rowD[row] = d
                    rowDX[row] = dx
                }
            }
        }
        let members = Float(features)
        for row in 0..<rows {
            let base = row &* features
            let factor = inverseDeviation[row] / members
            let (d, dx) = (rowD[row], rowDX[row])
            for f in 0..<features {
                out[base &+ f] = factor * (members * gs[base &+ f] * gamma[f] - d - xs[base &+ f] * dx)
            }
        }
        return (gScale, gShift)
    }
}
