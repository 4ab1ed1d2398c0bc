import SpikeKernels

/// Batch and layer normalization as fused ops (forward and VJP over per-feature statistics).
extension Tape {
    /// Batch statistics of a training-mode batch norm: the batch mean and the unbiased variance
    /// per feature (for the running averages).
    public struct BatchStatistics: Sendable {
        public let mean: Tensor
        public let unbiasedVariance: Tensor
    }

    /// Training-mode batch normalization over every axis but the last (features):
    /// y = γ · (x − μ_B)/√(σ²_B + ε) + β with the biased batch variance σ²_B.
    ///
    /// VJP with x̂ the normalized input and M rows:
    /// dx = (1/√(σ²+ε))/M · (M·dx̂ − Σ dx̂ − x̂ · Σ dx̂·x̂), dγ = Σ g·x̂, dβ = Σ g.
    public func batchNorm(
        _ input: Variable, scale: Variable, shift: Variable, epsilon: Float
    ) throws -> (output: Variable, statistics: BatchStatistics) {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 2, scale.shape == [features], shift.shape == [features] else {
            throw EngineError.shape(operation: "batchnorm", first: input.shape, second: scale.shape)
        }
        let rows = input.value.count / Swift.max(features, 1)
        let (normalized, mean, variance) = Self.normalize(input.value, rows: rows, features: features, epsilon: epsilon, perRow: false)
        let output = normalized.xhat.zipMapRows(scale.value, shift.value, features: features)
        let unbiased = variance.map { $0 * Float(rows) / Float(Swift.max(rows - 1, 1)) }
        let variable = record(output, inputs: [input, scale, shift]) { g in
            let (gx, gScale, gShift) = Self.normalizationBackward(
                g, xhat: normalized.xhat, inverseDeviation: normalized.inverse, scale: scale.value,
                rows: rows, features: features, perRow: false)
            return [gx, gScale, gShift]
        }
        return (variable, BatchStatistics(mean: mean, unbiasedVariance: unbiased))
    }

    /// Inference-mode batch normalization with fixed statistics, fused into one per-feature
    /// affine map: y = x·a + (β − μ·a) with a = γ/√(σ² + ε).
    /// VJP: dx = g·a, dγ = Σ g·(x − μ)/√(σ² + ε), dβ = Σ g.
    public func batchNorm(
        _ input: Variable, scale: Variable, shift: Variable, mean: Tensor, variance: Tensor, epsilon: Float
    ) throws -> Variable {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 2, scale.shape == [features], shift.shape == [features],
            mean.shape == [features], variance.shape == [features]
        else {
            throw EngineError.shape(operation: "batchnorm", first: input.shape, second: scale.shape)
        }
        let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let a = scale.value.zipMap(inverse, *)
        let offset = try shift.value - mean * a
        let output = input.value.zipMapRows(a, offset, features: features)
        return record(output, inputs: [input, scale, shift]) { g in
            let rows = g.count / Swift.max(features, 1)
            var gScale = [Float](repeating: 0, count: features)
            let x = input.value.scalars
            let gs = g.scalars
            let mu = mean.scalars
            let inv = inverse.scalars
            for row in 0..<rows {
                let base = row &* features
                for f in 0..<features { gScale[f] += gs[base &+ f] * (x[base &+ f] - mu[f]) * inv[f] }
            }
            return [
                g.zipMapRows(a, Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features)), features: features),
                Tensor(unchecked: [features], scalars: gScale), Self.columnSums(g, columns: features)
            ]
        }
    }

    /// Layer normalization over the last axis: y = γ · (x − μ_row)/√(σ²_row + ε) + β.
    /// VJP as for batch norm, with the sums taken over each row's features.
    public func layerNorm(_ input: Variable, scale: Variable, shift: Variable, epsilon: Float) throws -> Variable {
        let features = input.shape.last ?? 0
        guard input.value.rank >= 1, scale.shape == [features], shift.shape == [features] else {
            throw EngineError.shape(operation: "layernorm", first: input.shape, second: scale.shape)
        }
        let rows = input.value.count / Swift.max(features, 1)
        let (normalized, _, _) = Self.normalize(input.value, rows: rows, features: features, epsilon: epsilon, perRow: true)
        let output = normalized.xhat.zipMapRows(scale.value, shift.value, features: features)
        return record(output, inputs: [input, scale, shift]) { g in
            let (gx, gScale, gShift) = Self.normalizationBackward(
                g, xhat: normalized.xhat, inverseDeviation: normalized.inverse, scale: scale.value,
                rows: rows, features: features, perRow: true)
            return [gx, gScale, gShift]
        }
    }

    /// x̂ and 1/√(σ²+ε) per feature (batch norm) or per row (layer norm), with mean and variance
    /// (the loops: `NormalizationRows`).
    static func normalize(
        _ x: Tensor, rows: Int, features: Int, epsilon: Float, perRow: Bool
    ) -> (normalized: (xhat: Tensor, inverse: [Float]), mean: Tensor, variance: Tensor) {
        let layout = NormalizationRows(rows: rows, features: features, perRow: perRow)
        let (mean, variance, inverse) = layout.statistics(x.scalars, epsilon: epsilon)
        let xhat = layout.normalized(x.scalars, mean: mean, inverse: inverse)
        return (
            (Tensor(unchecked: x.shape, scalars: xhat), inverse),
            Tensor(unchecked: [layout.groups], scalars: mean), Tensor(unchecked: [layout.groups], scalars: variance)
        )
    }

    /// The normalization VJP (see `NormalizationRows.backward`).
    private static func normalizationBackward(
        _ g: Tensor, xhat: Tensor, inverseDeviation: [Float], scale: Tensor, rows: Int, features: Int, perRow: Bool
    ) -> (Tensor, Tensor, Tensor) {
        let total = g.count
        var sums: (Tensor, Tensor)?
        let gx = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            g.scalars.withUnsafeBufferPointer { gs in
                xhat.scalars.withUnsafeBufferPointer { xs in
                    sums = normalizationBackward(
                        gs.baseAddress, xhat: xs.baseAddress, into: out.baseAddress, inverseDeviation: inverseDeviation,
                        scale: scale.scalars, rows: rows, features: features, perRow: perRow)
                }
            }
            initialized = total
        }
        let (gScale, gShift) =
            sums ?? (
                Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features)),
                Tensor(unchecked: [features], scalars: [Float](repeating: 0, count: features))
            )
        return (Tensor(unchecked: g.shape, scalars: gx), gScale, gShift)
    }

    /// The normalization VJP on raw rows: dx into `out` (which may be `gs` itself: each entry
    /// is read before it is written), returning (dγ, dβ).
    static func normalizationBackward(
        _ gs: UnsafePointer<Float>?, xhat xs: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>?,
        inverseDeviation: [Float], scale gamma: [Float], rows: Int, features: Int, perRow: Bool
    ) -> (Tensor, Tensor) {
        let (gScale, gShift) = NormalizationRows(rows: rows, features: features, perRow: perRow)
            .backward(gs, xhat: xs, into: out, inverseDeviation: inverseDeviation, scale: gamma)
        return (Tensor(unchecked: [features], scalars: gScale), Tensor(unchecked: [features], scalars: gShift))
    }
}

extension Tensor {
    /// γ·x + β with γ and β broadcast along rows of `features` entries.
    func zipMapRows(_ scale: Tensor, _ shift: Tensor, features: Int) -> Tensor {
        Tensor(
            unchecked: shape,
            scalars: NormalizationRows.affine(
                scalars, scale: scale.scalars, shift: shift.scalars,
                features: features))
    }
}
