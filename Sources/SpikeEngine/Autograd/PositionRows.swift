/// How the rows of a [T, ..., L, features] tensor meet a per-(time step, position) table
/// [T, L, features]: row ((t·M + m)·L + l) takes table row t·L + l, for every m of the M
/// middle entries (the batch). Cost: O(rows·features) per pass.
struct PositionRows {
    let steps: Int
    let middle: Int
    let length: Int
    let features: Int

    /// Throws `.shape(operation: "linear positions")` unless `table` is [T, L, outputs] for
    /// an input of shape [T, ..., L, in].
    init(input: [Int], table: [Int], outputs: Int) throws {
        guard input.count >= 3, table == [input[0], input[input.count - 2], outputs] else {
            throw EngineError.shape(operation: "linear positions", first: input, second: table)
        }
        steps = input[0]
        length = input[input.count - 2]
        middle = input.dropFirst().dropLast(2).reduce(1, *)
        features = outputs
    }

    /// y[row] += table[t·L + l] for every row, in place.
    func add(_ table: [Float], to y: inout [Float]) {
        table.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { target in
                guard let table = source.baseAddress, let rows = target.baseAddress else { return }
                forEachRow { row, entry in
                    for f in 0..<features { rows[row &+ f] += table[entry &+ f] }
                }
            }
        }
    }

    /// Σ over the middle axes of g: [T, L, features], each entry summed in row order.
    func sums(_ g: Tensor) -> Tensor {
        var result = [Float](repeating: 0, count: steps * length * features)
        g.scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                guard let rows = source.baseAddress, let table = target.baseAddress else { return }
                forEachRow { row, entry in
                    for f in 0..<features { table[entry &+ f] += rows[row &+ f] }
                }
            }
        }
        return Tensor(unchecked: [steps, length, features], scalars: result)
    }

    /// Calls `body(row offset, table offset)` for every row of the [T, ..., L, features] tensor,
    /// in order, pairing it with its (time step, position) row of the [T, L, features] table.
    @inline(__always)
    private func forEachRow(_ body: (Int, Int) -> Void) {
        var row = 0
        for t in 0..<steps {
            for _ in 0..<middle {
                var entry = t &* length &* features
                for _ in 0..<length {
                    body(row, entry)
                    row &+= features
                    entry &+= features
                }
            }
        }
    }
}
