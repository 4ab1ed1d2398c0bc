import SpikeKernels

extension PositionRows {
    /// Throws `.shape(operation: "linear positions")` unless `table` is [T, L, outputs] for
    /// an input of shape [T, ..., L, in].
    init(input: [Int], table: [Int], outputs: Int) throws {
        guard input.count >= 3, table == [input[0], input[input.count - 2], outputs] else {
            throw EngineError.shape(operation: "linear positions", first: input, second: table)
        }
        self.init(
            steps: input[0], middle: input.dropFirst().dropLast(2).reduce(1, *),
            length: input[input.count - 2], features: outputs)
    }

    /// Σ over the middle axes of g: [T, L, features], each entry summed in row order.
    func sums(_ g: Tensor) -> Tensor {
        Tensor(unchecked: [g.shape[0], length, g.shape[g.shape.count - 1]], scalars: sums(g.scalars))
    }
}
