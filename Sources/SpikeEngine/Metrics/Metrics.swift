/// The paper's evaluation metrics (docs/science.md §5), computed with Float64 sums.
///
/// Targets `y` and predictions `ŷ` must have the same shape; for forecasting it is
/// `(N, H, C)` (windows × horizon × variates), but any shape with at least one number works.
/// Every function throws `EngineError.shape` naming both shapes when they differ, and
/// `EngineError.value(argument: .target)` when there is nothing to score. Cost: O(count).
public enum Metrics {
    /// R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over the flattened arrays, ȳ the **global** mean of y
    /// (scikit-learn's `r2_score` on flattened arrays, as the reference code does).
    ///
    /// When y is constant the ratio is undefined; as scikit-learn does, the result is 1 for a
    /// perfect prediction and 0 otherwise.
    public static func r2(target: Tensor, prediction: Tensor) throws -> Double {
        try check(target, prediction, "r2")
        let y = target.scalars
        let p = prediction.scalars
        let mean = y.reduce(0.0) { $0 + Double($1) } / Double(y.count)
        var residual = 0.0
        var total = 0.0
        for i in y.indices {
            let error = Double(y[i]) - Double(p[i])
            let spread = Double(y[i]) - mean
            residual += error * error
            total += spread * spread
        }
        guard total > 0 else { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// RSE = sqrt(Σ(ŷ − y)²) / sqrt(Σ(y − ȳ_j)²), ȳ_j the mean of column j over the rows.
    ///
    /// `columns` says what a column is for a `(N, H, C)` target (see `RSEColumns`; the default
    /// `.outputs` is the reference code's `(N, H·C)`). When every column is constant the ratio
    /// is undefined: 0 for a perfect prediction, +∞ otherwise.
    public static func rse(target: Tensor, prediction: Tensor, columns: RSEColumns = .outputs) throws -> Double {
        try check(target, prediction, "rse")
        let y = target.scalars
        let p = prediction.scalars
        let width = columnCount(of: target.shape, columns)
        let rows = y.count / width
        var means = [Double](repeating: 0, count: width)
        for i in y.indices { means[i % width] += Double(y[i]) }
        for j in means.indices { means[j] /= Double(rows) }
        var residual = 0.0
        var total = 0.0
        for i in y.indices {
            let error = Double(p[i]) - Double(y[i])
            let spread = Double(y[i]) - means[i % width]
            residual += error * error
            total += spread * spread
        }
        guard total > 0 else { return residual == 0 ? 0 : .infinity }
        return residual.squareRoot() / total.squareRoot()
    }

    /// MSE = mean of (y − ŷ)² over every number.
    public static func mse(target: Tensor, prediction: Tensor) throws -> Double {
        try check(target, prediction, "mse")
        var sum = 0.0
        for (y, p) in zip(target.scalars, prediction.scalars) {
            let error = Double(y) - Double(p)
            sum += error * error
        }
        return sum / Double(target.count)
    }

    /// MAE = mean of |y − ŷ| over every number.
    public static func mae(target: Tensor, prediction: Tensor) throws -> Double {
        try check(target, prediction, "mae")
        var sum = 0.0
        for (y, p) in zip(target.scalars, prediction.scalars) { sum += abs(Double(y) - Double(p)) }
        return sum / Double(target.count)
    }

    /// R², RSE (with `columns`), MSE and MAE of one prediction.
    public static func regression(
        target: Tensor, prediction: Tensor, columns: RSEColumns = .outputs
    ) throws -> RegressionScores {
        RegressionScores(
            r2: try r2(target: target, prediction: prediction),
            rse: try rse(target: target, prediction: prediction, columns: columns),
            mse: try mse(target: target, prediction: prediction),
            mae: try mae(target: target, prediction: prediction))
    }

    /// The number of columns of `shape` under `columns` (at least 1).
    static func columnCount(of shape: [Int], _ columns: RSEColumns) -> Int {
        guard shape.count >= 2 else { return 1 }
        switch columns {
        case .outputs: return shape.dropFirst().reduce(1, *)
        case .variates: return shape[shape.count - 1]
        }
    }

    private static func check(_ target: Tensor, _ prediction: Tensor, _ operation: String) throws {
        guard target.shape == prediction.shape else {
            throw EngineError.shape(operation: operation, first: target.shape, second: prediction.shape)
        }
        guard target.count > 0 else {
            throw EngineError.value(argument: .target, message: "has no numbers to score (shape \(target.shape))")
        }
    }
}
