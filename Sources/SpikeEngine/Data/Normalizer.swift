/// A per-variate affine map fitted on training rows: `normalized = (x − offset) / scale`,
/// and back: `x = normalized · scale + offset`.
///
/// Fitting sees only the rows it is given (the training split), so validation and test
/// statistics never leak into the model's inputs. Statistics are summed in Float64.
public struct Normalizer: Equatable, Sendable {
    public let kind: Normalization
    /// Subtracted from each variate (mean or minimum; 0 for `.identity`).
    public let offset: [Float]
    /// Divides each variate after the offset (std or range; 1 for `.identity`).
    public let scale: [Float]

    /// Fits `kind` on row-major `values` holding rows of `variates` numbers (the training
    /// rows only). Cost: O(rows × variates).
    public init(kind: Normalization, fittedOn values: [Float], variates: Int) {
        self.kind = kind
        let rows = variates > 0 ? values.count / variates : 0
        var offset = [Float](repeating: 0, count: variates)
        var scale = [Float](repeating: 1, count: variates)
        if kind == .global, rows > 0 {
            let samples = values.prefix(rows * variates).map(Double.init)
            let mean = samples.reduce(0, +) / Double(samples.count)
            let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count)
            offset = [Float](repeating: Float(mean), count: variates)
            scale = [Float](repeating: variance > 0 ? Float(variance.squareRoot()) : 1, count: variates)
        }
        for column in 0..<variates where rows > 0 && kind != .global {
            let samples = stride(from: column, to: rows * variates, by: variates).map { Double(values[$0]) }
            switch kind {
            case .zScore:
                let mean = samples.reduce(0, +) / Double(rows)
                let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
                offset[column] = Float(mean)
                scale[column] = variance > 0 ? Float(variance.squareRoot()) : 1
            case .minMax:
                let low = samples.min() ?? 0
                let high = samples.max() ?? 0
                offset[column] = Float(low)
                scale[column] = high > low ? Float(high - low) : 1
            case .identity, .global:
                break
            }
        }
        self.offset = offset
        self.scale = scale
    }

    /// `values` (row-major, last axis = variates) mapped to the normalized scale.
    func apply(_ values: [Float]) -> [Float] {
        let variates = offset.count
        return values.indices.map { (values[$0] - offset[$0 % variates]) / scale[$0 % variates] }
    }

    /// A tensor whose last axis is the variates, mapped back to original units.
    ///
    /// Throws `EngineError.shape` when the last axis does not have one entry per variate.
    public func inverse(_ tensor: Tensor) throws -> Tensor {
        let variates = offset.count
        guard tensor.shape.last == variates else {
            throw EngineError.shape(operation: "inverse normalization", first: tensor.shape, second: [variates])
        }
        let scalars = tensor.scalars.indices.map { tensor.scalars[$0] * scale[$0 % variates] + offset[$0 % variates] }
        return try Tensor(shape: tensor.shape, scalars: scalars)
    }
}
