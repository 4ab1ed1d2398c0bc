/// One part (train, valid or test) of a forecasting set: every window that fits inside that
/// part's stretch of the series.
///
/// With s = `rows.lowerBound`, window i takes the series rows `s + i ..< s + i + window` as
/// input and the `horizon` rows right after them as target, all on the normalized scale:
///
///     inputs   (count, window, variates)
///     targets  (count, horizon, variates)
public struct ForecastingSplit: Equatable, Sendable {
    public let part: SplitPart
    /// The rows of the series this part covers (chronological, disjoint from the other parts).
    public let rows: Range<Int>
    /// Model inputs, shape `(count, window, variates)`, normalized.
    public let inputs: Tensor
    /// What to predict, shape `(count, horizon, variates)`, normalized.
    public let targets: Tensor

    /// The number of windows.
    public var count: Int { inputs.shape.first ?? 0 }
}

extension ForecastingSplit: BatchSource {
    /// The windows `indices` (each in `0..<count`) as `(b, window, variates)` inputs and
    /// `(b, horizon, variates)` targets.
    public func batch(_ indices: [Int]) throws -> Batch {
        Batch(
            indices: indices,
            inputs: try inputs.gatherRows(indices, operation: "batch"),
            targets: try targets.gatherRows(indices, operation: "batch"))
    }
}
