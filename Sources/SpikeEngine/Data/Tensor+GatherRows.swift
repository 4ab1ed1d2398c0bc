extension Tensor {
    /// The entries `indices` of the first axis, stacked in that order. Cost: O(result size).
    ///
    /// Throws `EngineError.value(argument: .index)` for an index outside the first axis.
    func gatherRows(_ indices: [Int], operation: String) throws -> Tensor {
        guard let rows = shape.first else {
            throw EngineError.shape(operation: operation, first: shape, second: [indices.count])
        }
        let rowSize = rows > 0 ? count / rows : 0
        var gathered = [Float]()
        gathered.reserveCapacity(indices.count * rowSize)
        for index in indices {
            guard index >= 0, index < rows else {
                throw EngineError.value(argument: .index, message: "\(index) is outside 0..<\(rows)")
            }
            gathered.append(contentsOf: scalars[(index * rowSize)..<((index + 1) * rowSize)])
        }
        return try Tensor(shape: [indices.count] + shape.dropFirst(), scalars: gathered)
    }
}
