/// One part (train, valid or test) of a forecasting set: every window that fits inside that
/// part's stretch of the series.
///
/// With s = `rows.lowerBound`, window i takes the series rows `s + i ..< s + i + window` as
/// input and the `horizon` rows right after them as target, all on the normalised scale:
///
///     inputs   (count, window, variates)
///     targets  (count, horizon, variates)
public struct ForecastingSplit: Equatable, Sendable {
    public let part: SplitPart
    /// The rows of the series this part covers (chronological, disjoint from the other parts).
    public let rows: Range<Int>
    /// Model inputs, shape `(count, window, variates)`, normalised.
    public let inputs: Tensor
    /// What to predict, shape `(count, horizon, variates)`, normalised.
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

extension Tensor {
    /// The entries `indices` of the first axis, stacked in that order. Cost: O(result size).
    ///
    /// Throws `EngineError.value(argument: "index")` for an index outside the first axis.
    func gatherRows(_ indices: [Int], operation: String) throws -> Tensor {
        guard let rows = shape.first else {
            throw EngineError.shape(operation: operation, first: shape, second: [indices.count])
        }
        let rowSize = rows > 0 ? count / rows : 0
        var gathered = [Float]()
        gathered.reserveCapacity(indices.count * rowSize)
        for index in indices {
            guard index >= 0, index < rows else {
                throw EngineError.value(argument: "index", message: "\(index) is outside 0..<\(rows)")
            }
            gathered.append(contentsOf: scalars[(index * rowSize)..<((index + 1) * rowSize)])
        }
        return try Tensor(shape: [indices.count] + shape.dropFirst(), scalars: gathered)
    }
}
