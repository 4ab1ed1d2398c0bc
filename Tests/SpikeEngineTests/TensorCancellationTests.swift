import XCTest

@testable import SpikeEngine

/// Elementwise arithmetic, unary maps, reductions and slices poll their cancellation check
/// every `cancellationChunk` elements: a check that fires ends the call with `.interrupted` at
/// the next poll, and a check that never fires gives exactly the numbers of a plain loop.
final class TensorCancellationTests: XCTestCase {
    private let long = CancellationSwitch.long
    /// Rows of a 7-wide matrix with at least `long` entries.
    private var rows: Int { long / 7 + 1 }

    func testLongElementwiseOperationsStopAtTheFirstPollAfterAnInterrupt() throws {
        let vector = try Tensor.filled([long], with: 2)
        let matrix = try Tensor.filled([rows, 7], with: 2)
        let cases: [(String, Tensor, Tensor)] = [
            ("equal shapes", vector, vector),
            ("a scalar", vector, Tensor(3)),
            ("a row vector", matrix, Tensor([1, 2, 3, 4, 5, 6, 7])),
            ("a column against a row", try Tensor.filled([rows, 1], with: 2), Tensor([1, 2, 3, 4, 5, 6, 7])),
            ("two rows of one long axis", try Tensor.filled([2, 1], with: 2), try Tensor.filled([1, long], with: 1))
        ]
        for (name, a, b) in cases {
            for operation in Tensor.BinaryOperation.allCases {
                assertInterrupted("\(operation) with \(name)") { try a.combined(with: b, operation, isCancelled: $0) }
            }
        }
        assertInterrupted("map") { try vector.map(isCancelled: $0) { $0 * $0 } }
        assertInterrupted("negated") { try vector.negated(isCancelled: $0) }
        assertInterrupted("zipMap") { try vector.zipMap(vector, isCancelled: $0, +) }
    }

    func testLongReductionsAndSlicesStopAtTheFirstPollAfterAnInterrupt() throws {
        let vector = try Tensor.filled([long], with: 1)
        let wide = try Tensor.filled([rows, 7], with: 1)
        let narrow = try Tensor.filled([long / 8 + 1, 8], with: 1)
        for reduction in Tensor.Reduction.allCases {
            assertInterrupted("\(reduction) of everything") { try vector.reduced(reduction, isCancelled: $0) }
            assertInterrupted("\(reduction) over rows") { try wide.reduced(reduction, axis: 0, isCancelled: $0) }
            assertInterrupted("\(reduction) over 8 columns") { try narrow.reduced(reduction, axis: 0, isCancelled: $0) }
            assertInterrupted("\(reduction) along rows") { try wide.reduced(reduction, axis: 1, isCancelled: $0) }
        }
        assertInterrupted("slice of a vector") { try vector.sliced(axis: 0, range: 1..<self.long, isCancelled: $0) }
        assertInterrupted("slice of rows") { try wide.sliced(axis: 0, range: 1..<self.rows, isCancelled: $0) }
        assertInterrupted("slice of columns") { try wide.sliced(axis: 1, range: 1..<7, isCancelled: $0) }
    }

    func testChunkedArithmeticMatchesAnIndexByIndexLoopOnEveryBroadcastPath() throws {
        var generator = SeededGenerator(seed: 11)
        // Two chunks and a bit: every loop crosses a chunk boundary.
        let length = 2 * cancellationChunk + 17
        let rows = length / 7 + 1
        let shapes: [([Int], [Int])] = [
            ([length], [length]), ([length], []), ([rows, 7], [7]), ([rows, 1], [1, 7]), ([2, 1], [1, length]),
            ([3, 1, 5], [4, 1]), ([0, 3], [3]), ([5], [5])
        ]
        for (left, right) in shapes {
            let a = try Tensor.randn(left, generator: &generator)
            let b = try Tensor.randn(right, generator: &generator)
            for operation in Tensor.BinaryOperation.allCases {
                let flag = CancellationSwitch(firesAfter: .max)
                let result = try a.combined(with: b, operation, isCancelled: flag.check)
                let expected = try broadcastOracle(a, b, operation)
                XCTAssertEqual(result.shape, expected.shape, "\(left) \(operation) \(right)")
                XCTAssertEqual(result.scalars, expected.scalars, "\(left) \(operation) \(right)")
                XCTAssertEqual(result, try a.combined(with: b, operation), "\(left) \(operation) \(right) without a check")
                XCTAssertGreaterThanOrEqual(flag.polls, result.count / (2 * cancellationChunk), "\(left) \(operation) \(right)")
            }
        }
    }

    func testChunkedMapsMatchAPlainLoop() throws {
        var generator = SeededGenerator(seed: 12)
        let a = try Tensor.randn([long], generator: &generator)
        let b = try Tensor.randn([long], generator: &generator)
        let never = CancellationSwitch(firesAfter: .max).check
        XCTAssertEqual(try a.map(isCancelled: never) { $0 * 3 - 1 }.scalars, a.scalars.map { $0 * 3 - 1 })
        XCTAssertEqual(try a.negated(isCancelled: never).scalars, a.scalars.map { -$0 })
        XCTAssertEqual(try a.zipMap(b, isCancelled: never, *).scalars, zip(a.scalars, b.scalars).map(*))
    }

    func testChunkedReductionsMatchAFloat64Oracle() throws {
        var generator = SeededGenerator(seed: 13)
        let length = 2 * cancellationChunk + 17
        let rows = length / 7 + 1
        let shapes: [[Int]] = [[length], [rows, 7], [length / 8 + 1, 8], [3, length / 3], [2, 3, 4], [1, 1]]
        for shape in shapes {
            let tensor = try Tensor.randn(shape, generator: &generator)
            for axis in [nil] + Array(0..<shape.count) {
                for reduction in Tensor.Reduction.allCases {
                    let result = try tensor.reduced(reduction, axis: axis, isCancelled: CancellationSwitch(firesAfter: .max).check)
                    let expected = reductionOracle(tensor, reduction, axis: axis)
                    XCTAssertEqual(result.shape, expected.shape, "\(reduction) of \(shape) over \(String(describing: axis))")
                    XCTAssertEqual(result.scalars, expected.scalars, "\(reduction) of \(shape) over \(String(describing: axis))")
                }
            }
        }
    }

    func testAChunkedSliceCopiesTheSameEntries() throws {
        var generator = SeededGenerator(seed: 14)
        let vector = try Tensor.randn([long], generator: &generator)
        let never = CancellationSwitch(firesAfter: .max).check
        XCTAssertEqual(
            try vector.sliced(axis: 0, range: 5..<long - 3, isCancelled: never).scalars,
            Array(vector.scalars[5..<long - 3]))
        let matrix = try Tensor.randn([rows, 7], generator: &generator)
        let columns = try matrix.sliced(axis: 1, range: 2..<5, isCancelled: never)
        XCTAssertEqual(columns.shape, [rows, 3])
        XCTAssertEqual(columns.scalars, (0..<rows).flatMap { row in (2..<5).map { matrix.scalars[row * 7 + $0] } })
    }

    // MARK: Oracles

    /// `a ∘ b` with NumPy broadcasting, each output entry found from its own multi-index.
    private func broadcastOracle(_ a: Tensor, _ b: Tensor, _ operation: Tensor.BinaryOperation) throws -> Tensor {
        let rank = max(a.rank, b.rank)
        let left = [Int](repeating: 1, count: rank - a.rank) + a.shape
        let right = [Int](repeating: 1, count: rank - b.rank) + b.shape
        let shape = zip(left, right).map { $0 == 1 ? $1 : $0 }
        let count = shape.reduce(1, *)
        var scalars: [Float] = []
        scalars.reserveCapacity(count)
        var index = [Int](repeating: 0, count: rank)
        for linear in 0..<count {
            var rest = linear
            for axis in (0..<rank).reversed() {
                index[axis] = rest % shape[axis]
                rest /= shape[axis]
            }
            var leftOffset = 0
            var rightOffset = 0
            for axis in 0..<rank {
                leftOffset = leftOffset * left[axis] + (left[axis] == 1 ? 0 : index[axis])
                rightOffset = rightOffset * right[axis] + (right[axis] == 1 ? 0 : index[axis])
            }
            let x = a.scalars[leftOffset]
            let y = b.scalars[rightOffset]
            switch operation {
            case .add: scalars.append(x + y)
            case .subtract: scalars.append(x - y)
            case .multiply: scalars.append(x * y)
            case .divide: scalars.append(x / y)
            }
        }
        return try Tensor(shape: shape, scalars: scalars)
    }

    /// `reduction` over `axis` (or everything), summing in Float64 in axis order.
    private func reductionOracle(_ tensor: Tensor, _ reduction: Tensor.Reduction, axis: Int?) -> Tensor {
        let (outer, extent, inner): (Int, Int, Int)
        var shape = tensor.shape
        if let axis {
            outer = tensor.shape[..<axis].reduce(1, *)
            extent = tensor.shape[axis]
            inner = tensor.shape[(axis + 1)...].reduce(1, *)
            shape.remove(at: axis)
        } else {
            (outer, extent, inner) = (1, tensor.count, 1)
            shape = []
        }
        var scalars: [Float] = []
        for o in 0..<outer {
            for i in 0..<inner {
                let column = (0..<extent).map { tensor.scalars[(o * extent + $0) * inner + i] }
                switch reduction {
                case .sum: scalars.append(Float(column.reduce(0.0) { $0 + Double($1) }))
                case .mean: scalars.append(Float(column.reduce(0.0) { $0 + Double($1) } / Double(extent)))
                case .max: scalars.append(column.max()!)
                case .min: scalars.append(column.min()!)
                }
            }
        }
        return Tensor(unchecked: shape, scalars: scalars)
    }
}
