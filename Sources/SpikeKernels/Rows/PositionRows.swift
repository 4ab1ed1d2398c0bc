/// How the rows of a [T, ..., L, features] tensor meet a per-(time step, position) table
/// [T, L, features]: row ((t·M + m)·L + l) takes table row t·L + l, for every m of the M
/// middle entries (the batch). Cost: O(rows·features) per pass.
public struct PositionRows {
    let steps: Int
    let middle: Int
    public let length: Int
    let features: Int

    /// Rows of [T, M, L, features] against a [T, L, features] table.
    public init(steps: Int, middle: Int, length: Int, features: Int) {
        self.steps = steps
        self.middle = middle
        self.length = length
        self.features = features
    }

    /// y[row] += table[t·L + l] for every row, in place.
    public func add(_ table: [Float], to y: inout [Float]) {
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
    public func sums(_ g: [Float]) -> [Float] {
        var result = [Float](repeating: 0, count: steps * length * features)
        g.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                guard let rows = source.baseAddress, let table = target.baseAddress else { return }
                forEachRow { row, entry in
                    for f in 0..<features { table[entry &+ f] += rows[row &+ f] }
                }
            }
        }
        return result
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
