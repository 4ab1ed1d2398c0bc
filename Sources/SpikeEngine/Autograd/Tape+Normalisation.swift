import SpikeKernels

/// Batch and layer normalisation as fused ops (forward and VJP over per-feature statistics).
extension Tape {
    /// Batch statistics of a training-mode batch norm: the batch mean and the unbiased variance
    /// per feature (for the running averages).
    public struct BatchStatistics: Sendable {
        public let mean: Tensor
        public let unbiasedVariance: Tensor
    }

    /// Training-mode batch normalisation over every axis but the last (features):
    /// y = γ · (x − μ_B)/√(σ²_B + ε) + β with the biased batch variance σ²_B.
    ///
    /// VJP with x̂ the normalised input and M rows:
    /// dx = (1/√(σ²+ε))/M · (M·dx̂ − Σ dx̂ − x̂ · Σ dx̂·x̂), dγ = Σ g·x̂, dβ = Σ g.
    public func batchNorm(
        _ input: Variable, scale: Variable, shift: Variable, epsilon: Float
    ) throws -> (output: Variable, statistics: BatchStatistics) {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 2, scale.shape == [features], shift.shape == [features] else {
            throw EngineError.shape(operation: "batchnorm", first: input.shape, second: scale.shape)
        }
        let rows = input.value.count / Swift.max(features, 1)
        let (normalised, mean, variance) = Self.normalise(input.value, rows: rows, features: features, epsilon: epsilon, perRow: false)
        let output = normalised.xhat.zipMapRows(scale.value, shift.value, features: features)
        let unbiased = variance.map { $0 * Float(rows) / Float(Swift.max(rows - 1, 1)) }
        let variable = record(output, inputs: [input, scale, shift]) { g in
            let (gx, gScale, gShift) = Self.normalisationBackward(
                g, xhat: normalised.xhat, inverseDeviation: normalised.inverse, scale: scale.value,
                rows: rows, features: features, perRow: false)
            return [gx, gScale, gShift]
        }
        return (variable, BatchStatistics(mean: mean, unbiasedVariance: unbiased))
    }

    /// Inference-mode batch normalisation with fixed statistics, fused into one per-feature
    /// affine map: y = x·a + (β − μ·a) with a = γ/√(σ² + ε).
    /// VJP: dx = g·a, dγ = Σ g·(x − μ)/√(σ² + ε), dβ = Σ g.
    public func batchNorm(
        _ input: Variable, scale: Variable, shift: Variable, mean: Tensor, variance: Tensor, epsilon: Float
    ) throws -> Variable {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 2, scale.shape == [features], shift.shape == [features],
              mean.shape == [features], variance.shape == [features] else {
            throw EngineError.shape(operation: "batchnorm", first: input.shape, second: scale.shape)
        }
        let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let a = scale.value.zipMap(inverse, *)
        let offset = try shift.value - mean * a
        let output = input.value.zipMapRows(a, offset, features: features)
        return record(output, inputs: [input, scale, shift]) { g in
            let rows = g.count / Swift.max(features, 1)
            var gScale = [Float](repeating: 0, count: features)
            let x = input.value.scalars, gs = g.scalars, mu = mean.scalars, inv = inverse.scalars
            for row in 0..<rows {
                let base = row &* features
                for f in 0..<features { gScale[f] += gs[base &+ f] * (x[base &+ f] - mu[f]) * inv[f] }
            }
            return [g.zipMapRows(a, Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features)), features: features),
                    Tensor(unchecked: [features], scalars: gScale), Self.columnSums(g, columns: features)]
        }
    }

    /// Layer normalisation over the last axis: y = γ · (x − μ_row)/√(σ²_row + ε) + β.
    /// VJP as for batch norm, with the sums taken over each row's features.
    public func layerNorm(_ input: Variable, scale: Variable, shift: Variable, epsilon: Float) throws -> Variable {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 1, scale.shape == [features], shift.shape == [features] else {
            throw EngineError.shape(operation: "layernorm", first: input.shape, second: scale.shape)
        }
        let rows = input.value.count / Swift.max(features, 1)
        let (normalised, _, _) = Self.normalise(input.value, rows: rows, features: features, epsilon: epsilon, perRow: true)
        let output = normalised.xhat.zipMapRows(scale.value, shift.value, features: features)
        return record(output, inputs: [input, scale, shift]) { g in
            let (gx, gScale, gShift) = Self.normalisationBackward(
                g, xhat: normalised.xhat, inverseDeviation: normalised.inverse, scale: scale.value,
                rows: rows, features: features, perRow: true)
            return [gx, gScale, gShift]
        }
    }

    /// x̂ and 1/√(σ²+ε) per feature (batch norm) or per row (layer norm), with mean and variance.
    /// Sums run in Float64; the loops walk rows in storage order so they vectorise.
    static func normalise(
        _ x: Tensor, rows: Int, features: Int, epsilon: Float, perRow: Bool
    ) -> (normalised: (xhat: Tensor, inverse: [Float]), mean: Tensor, variance: Tensor) {
        let groups = perRow ? rows : features
        let members = Double(Swift.max(perRow ? features : rows, 1))
        var sums = [Double](repeating: 0, count: groups)
        var squares = [Double](repeating: 0, count: groups)
        x.scalars.withUnsafeBufferPointer { xs in
            sums.withUnsafeMutableBufferPointer { sum in
                squares.withUnsafeMutableBufferPointer { square in
                    for row in 0..<rows {
                        let base = row &* features
                        if perRow {
                            var a = 0.0, b = 0.0
                            for f in 0..<features {
                                let v = Double(xs[base &+ f])
                                a += v
                                b += v * v
                            }
                            sum[row] = a
                            square[row] = b
                        } else {
                            for f in 0..<features {
                                let v = Double(xs[base &+ f])
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
        let total = x.count
        let xhat = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            x.scalars.withUnsafeBufferPointer { xs in
                mean.withUnsafeBufferPointer { mu in
                    inverse.withUnsafeBufferPointer { inv in
                        for row in 0..<rows {
                            let base = row &* features
                            if perRow {
                                let (m, i) = (mu[row], inv[row])
                                for f in 0..<features { out[base &+ f] = (xs[base &+ f] - m) * i }
                            } else {
                                for f in 0..<features { out[base &+ f] = (xs[base &+ f] - mu[f]) * inv[f] }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return ((Tensor(unchecked: x.shape, scalars: xhat), inverse),
                Tensor(unchecked: [groups], scalars: mean), Tensor(unchecked: [groups], scalars: variance))
    }

    /// The normalisation VJP. With d = g·γ: batch norm needs Σ_rows d = γ·Σ g and
    /// Σ_rows d·x̂ = γ·Σ g·x̂ (the dβ and dγ sums); layer norm sums d and d·x̂ along each row.
    private static func normalisationBackward(
        _ g: Tensor, xhat: Tensor, inverseDeviation: [Float], scale: Tensor, rows: Int, features: Int, perRow: Bool
    ) -> (Tensor, Tensor, Tensor) {
        let total = g.count
        var sums: (Tensor, Tensor)?
        let gx = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            g.scalars.withUnsafeBufferPointer { gs in
                xhat.scalars.withUnsafeBufferPointer { xs in
                    sums = normalisationBackward(
                        gs.baseAddress, xhat: xs.baseAddress, into: out.baseAddress, inverseDeviation: inverseDeviation,
                        scale: scale.scalars, rows: rows, features: features, perRow: perRow)
                }
            }
            initialized = total
        }
        let (gScale, gShift) = sums ?? (Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features)),
                                        Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features)))
        return (Tensor(unchecked: g.shape, scalars: gx), gScale, gShift)
    }

    /// The normalisation VJP on raw rows: dx into `out` (which may be `gs` itself: each entry
    /// is read before it is written), returning (dγ, dβ).
    static func normalisationBackward(
        _ gs: UnsafePointer<Float>?, xhat xs: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>?,
        inverseDeviation: [Float], scale gamma: [Float], rows: Int, features: Int, perRow: Bool
    ) -> (Tensor, Tensor) {
        var gScale = [Float](repeating: 0, count: features)
        var gShift = [Float](repeating: 0, count: features)
        guard let gs, let xs, let out, rows > 0, features > 0 else {
            return (Tensor(unchecked: [features], scalars: gScale), Tensor(unchecked: [features], scalars: gShift))
        }
        if !perRow {
            gScale.withUnsafeMutableBufferPointer { dScale in
                gShift.withUnsafeMutableBufferPointer { dShift in
                    FeatureRows.accumulate(gs, xs, rows: rows, features: features, products: dScale.baseAddress!, sums: dShift.baseAddress!)
                }
            }
            let members = Float(rows)
            let sumD = zip(gShift, gamma).map { $0 * $1 }
            let sumDX = zip(gScale, gamma).map { $0 * $1 }
            let factor = inverseDeviation.map { $0 / members }
            FeatureRows.batchNormGradient(gs, xs, into: out, rows: rows, features: features, members: members,
                                          factor: factor, gamma: gamma, sumD: sumD, sumDX: sumDX)
            return (Tensor(unchecked: [features], scalars: gScale), Tensor(unchecked: [features], scalars: gShift))
        }
        var rowD = [Float](repeating: 0, count: rows)
        var rowDX = [Float](repeating: 0, count: rows)
        gamma.withUnsafeBufferPointer { gamma in
            gScale.withUnsafeMutableBufferPointer { dScale in
                gShift.withUnsafeMutableBufferPointer { dShift in
                    for row in 0..<rows {
                        let base = row &* features
                        var d = Float(0), dx = Float(0)
                        for f in 0..<features {
                            let gradient = gs[base &+ f], normalised = xs[base &+ f]
                            dScale[f] += gradient * normalised
                            dShift[f] += gradient
                            d += gradient * gamma[f]
                            dx += gradient * gamma[f] * normalised
                        }
                        rowD[row] = d
                        rowDX[row] = dx
                    }
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
        return (Tensor(unchecked: [features], scalars: gScale), Tensor(unchecked: [features], scalars: gShift))
    }
}

extension Tensor {
    /// γ·x + β with γ and β broadcast along rows of `features` entries.
    func zipMapRows(_ scale: Tensor, _ shift: Tensor, features: Int) -> Tensor {
        let total = count
        let result = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            scalars.withUnsafeBufferPointer { x in
                scale.scalars.withUnsafeBufferPointer { gamma in
                    shift.scalars.withUnsafeBufferPointer { beta in
                        var base = 0
                        while base < total {
                            for f in 0..<features {
                                out[base &+ f] = x[base &+ f] * gamma[f] + beta[f]
                            }
                            base &+= features
                        }
                    }
                }
            }
            initialized = total
        }
        return Tensor(unchecked: shape, scalars: result)
    }
}
