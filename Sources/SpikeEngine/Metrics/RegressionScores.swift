/// The forecasting metrics of one prediction, as `evaluate` reports them.
public struct RegressionScores: Equatable, Sendable {
    /// Coefficient of determination, `Metrics.r2`.
    public let r2: Double
    /// Root relative squared error, `Metrics.rse`.
    public let rse: Double
    /// Mean squared error, `Metrics.mse`.
    public let mse: Double
    /// Mean absolute error, `Metrics.mae`.
    public let mae: Double

    public init(r2: Double, rse: Double, mse: Double, mae: Double) {
        self.r2 = r2
        self.rse = rse
        self.mse = mse
        self.mae = mae
    }
}
