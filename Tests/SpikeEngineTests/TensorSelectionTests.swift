import XCTest

@testable import SpikeEngine

/// Comparisons, `where`, multi-axis subscripts, truth tests and the matrix product that the
/// language's tensor operators use: each checked against an index-by-index loop (a Float64
/// loop for the product), and each polling its cancellation check as the other long calls do.
final class TensorSelectionTests: XCTestCase {
    private let long = CancellationSwitch.long

    /// The row-major index of every position of `shape`, in order.
    private func positions(_ shape: [Int]) -> [[Int]] {
        shape.reduce([[]]) { prefixes, extent in prefixes.flatMap { prefix in (0..<extent).map { prefix + [$0] } } }
    }

    /// The scalar of `tensor` read at `position` of a broadcast `shape` (NumPy's rule).
    private func broadcastScalar(_ tensor: Tensor, at position: [Int]) throws -> Float {
        let offset = position.count - tensor.rank
        return try tensor.scalar(at: tensor.shape.indices.map { tensor.shape[$0] == 1 ? 0 : position[$0 + offset] })
    }

    private func random(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        // Rounded to quarters so that equal values occur and == has something to find.
        return try Tensor(shape: shape, scalars: generator.normals(shape.reduce(1, *)).map { ($0 * 4).rounded() / 4 })
    }

    func testEachComparisonGivesOneWhereItHoldsOnEveryBroadcastPath() throws {
        let nan = Float.nan
        let pairs: [(Tensor, Tensor)] = [
            (try random([3, 4], seed: 1), try random([3, 4], seed: 2)),
            (try random([3, 4], seed: 3), Tensor(0.25)),
            (try random([3, 4], seed: 4), try random([4], seed: 5)),
            (try random([3, 1], seed: 6), try random([1, 4], seed: 7)),
            (Tensor([nan, 1, nan]), Tensor([nan, 1, 2]))
        ]
        let holds: [Tensor.Comparison: (Float, Float) -> Bool] = [
            .less: (<), .lessEqual: (<=), .greater: (>), .greaterEqual: (>=), .equal: (==), .notEqual: (!=)
        ]
        for (a, b) in pairs {
            for comparison in Tensor.Comparison.allCases {
                let result = try a.compared(with: b, comparison)
                let shape = try Broadcast.shape(a.shape, b.shape, operation: "test")
                XCTAssertEqual(result.shape, shape)
                let expected = try positions(shape).map { position in
                    holds[comparison]!(try broadcastScalar(a, at: position), try broadcastScalar(b, at: position)) ? Float(1) : 0
                }
                XCTAssertEqual(result.scalars, expected, "\(comparison) of \(a.shape) and \(b.shape)")
            }
        }
        XCTAssertEqual(try Tensor([nan]).compared(with: Tensor([nan]), .notEqual).scalars, [1], "NaN != NaN, as NumPy")
    }

    func testWhereTakesAWhereTheConditionIsNonZeroAndBroadcastsTheThree() throws {
        let condition = try Tensor(shape: [2, 1, 3], scalars: [1, 0, .nan, 0, -2, 0])
        let a = try random([4, 1], seed: 8)
        let b = try random([3], seed: 9)
        let result = try Tensor.selecting(where: condition, a, else: b)
        XCTAssertEqual(result.shape, [2, 4, 3])
        let expected = try positions([2, 4, 3]).map { position in
            try broadcastScalar(condition, at: position) != 0
                ? try broadcastScalar(a, at: position) : try broadcastScalar(b, at: position)
        }
        XCTAssertEqual(result.scalars, expected)
        XCTAssertEqual(try Tensor.selecting(where: Tensor(0), Tensor(1), else: Tensor(2)).scalars, [2])
        XCTAssertThrowsError(try Tensor.selecting(where: Tensor([1, 0]), Tensor([1, 2, 3]), else: Tensor(0))) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "where", first: [2], second: [3]))
        }
    }

    func testASubscriptReadsTheSameScalarsAsIndexingEachPosition() throws {
        let tensor = try random([4, 5, 6], seed: 10)
        let cases: [[AxisSelection]] = [
            [.range(0..<4), .position(2)], [.position(3)], [.range(1..<3), .range(2..<5)],
            [.position(1), .range(0..<5), .position(5)], [.range(0..<4), .range(0..<5), .range(1..<2)],
            [.range(2..<2)], [.position(0), .position(4), .position(5)], []
        ]
        for selections in cases {
            let result = try tensor.selecting(selections)
            // The oracle: every position of the result mapped back to the source.
            var shape: [Int] = []
            for selection in selections {
                if case .range(let range) = selection { shape.append(range.count) }
            }
            shape += tensor.shape[selections.count...]
            XCTAssertEqual(result.shape, shape, "\(selections)")
            let expected = try positions(shape).map { position -> Float in
                var rest = position[...]
                var source: [Int] = []
                for selection in selections {
                    switch selection {
                    case .position(let index): source.append(index)
                    case .range(let range): source.append(range.lowerBound + rest.removeFirst())
                    }
                }
                return try tensor.scalar(at: source + rest)
            }
            XCTAssertEqual(result.scalars, expected, "\(selections)")
        }
        XCTAssertThrowsError(try tensor.selecting([.position(0), .position(5)]))
        XCTAssertThrowsError(try tensor.selecting([.range(0..<5)]))
        XCTAssertThrowsError(try tensor.selecting([.position(0), .position(0), .position(0), .position(0)]))
        XCTAssertThrowsError(try tensor.selecting([.range(0..<2)], budget: MemoryBudget(bytes: 239))) { error in
            XCTAssertEqual(error as? EngineError, .resource(requestedBytes: 240, budgetBytes: 239))
        }
    }

    func testTruthTestsFindANonZeroOrAZeroAnywhere() throws {
        var scalars = [Float](repeating: 0, count: long)
        XCTAssertFalse(try Tensor(scalars).containsNonZero())
        scalars[long - 1] = .nan
        XCTAssertTrue(try Tensor(scalars).containsNonZero(), "NaN counts as non-zero")
        XCTAssertFalse(try Tensor(scalars).isAllNonZero())
        XCTAssertTrue(try Tensor([1, -1, .nan]).isAllNonZero())
        XCTAssertTrue(try Tensor([Float]()).isAllNonZero())
        XCTAssertFalse(try Tensor([Float]()).containsNonZero())
    }

    /// The product of every matrix form against a Float64 loop, with a bound from Float32's
    /// rounding: |error| <= k * 2^-23 * sum |a||b| per entry.
    func testTheMatrixProductMatchesAFloat64LoopInEveryForm() throws {
        let cases: [([Int], [Int])] = [
            ([5, 7], [7, 3]), ([7], [7, 4]), ([5, 7], [7]), ([7], [7]), ([2, 3, 4], [4, 5]), ([2, 3, 4], [2, 4, 2]),
            ([3, 4], [2, 4, 5]), ([150, 1024], [1024, 1024])
        ]
        for (index, (leftShape, rightShape)) in cases.enumerated() {
            let a = try random(leftShape, seed: UInt64(20 + index))
            let b = try random(rightShape, seed: UInt64(40 + index))
            let product = try a.matrixProduct(b)
            let left = a.rank == 1 ? [1] + a.shape : a.shape
            let right = b.rank == 1 ? b.shape + [1] : b.shape
            let (m, k, n) = (left[left.count - 2], left[left.count - 1], right[right.count - 1])
            let batch = left.count > 2 ? Array(left.dropLast(2)) : Array(right.dropLast(2))
            var expectedShape = batch
            if a.rank > 1 { expectedShape.append(m) }
            if b.rank > 1 { expectedShape.append(n) }
            XCTAssertEqual(product.shape, expectedShape, "\(leftShape) @ \(rightShape)")
            let batches = batch.reduce(1, *)
            // The big case is checked on rows either side of the GEMM's 64-row blocks.
            let rows = m > 64 ? [0, 63, 64, 127, 128, m - 1] : Array(0..<m)
            for p in 0..<batches {
                let aBase = left.count > 2 ? p * m * k : 0
                let bBase = right.count > 2 ? p * k * n : 0
                for i in rows {
                    for j in 0..<n {
                        var exact = 0.0
                        var magnitude = 0.0
                        for q in 0..<k {
                            let term = Double(a.scalars[aBase + i * k + q]) * Double(b.scalars[bBase + q * n + j])
                            exact += term
                            magnitude += Swift.abs(term)
                        }
                        let got = Double(product.scalars[(p * m + i) * n + j])
                        XCTAssertLessThanOrEqual(
                            Swift.abs(got - exact), Double(k) * 0x1p-23 * magnitude + 1e-30,
                            "\(leftShape) @ \(rightShape) at \(p) \(i) \(j)")
                    }
                }
            }
        }
    }

    func testMatrixProductsOfMismatchedShapesNameBothShapes() {
        let cases: [([Int], [Int])] = [([2, 3], [2, 3]), ([3], [2, 2]), ([], [2, 2]), ([2, 2, 3], [3, 3, 1])]
        for (left, right) in cases {
            XCTAssertThrowsError(try Tensor.zeros(left).matrixProduct(try Tensor.zeros(right))) { error in
                XCTAssertEqual(error as? EngineError, .shape(operation: "matmul", first: left, second: right))
            }
        }
        XCTAssertThrowsError(try Tensor.zeros([1000, 2]).matrixProduct(try Tensor.zeros([2, 1000]), budget: MemoryBudget(bytes: 1 << 20))) {
            error in
            XCTAssertEqual(error as? EngineError, .resource(requestedBytes: 4_000_000, budgetBytes: 1 << 20))
        }
    }

    func testLongComparisonsSelectionsSubscriptsAndProductsStopAtTheFirstPollAfterAnInterrupt() throws {
        let vector = try Tensor.filled([long], with: 0)
        let matrix = try Tensor.filled([long / 7 + 1, 7], with: 1)
        for comparison in Tensor.Comparison.allCases {
            assertInterrupted("\(comparison)") { try vector.compared(with: Tensor(1), comparison, isCancelled: $0) }
        }
        assertInterrupted("where") { try Tensor.selecting(where: vector, Tensor(1), else: vector, isCancelled: $0) }
        assertInterrupted("where on rows") {
            try Tensor.selecting(where: matrix, Tensor([1, 2, 3, 4, 5, 6, 7]), else: Tensor(0), isCancelled: $0)
        }
        let tall = try Tensor.filled([long, 2], with: 1)
        assertInterrupted("a column") { try tall.selecting([.range(0..<self.long), .position(1)], isCancelled: $0) }
        assertInterrupted("a block") { try matrix.selecting([.range(1..<matrix.shape[0]), .range(1..<7)], isCancelled: $0) }
        assertInterrupted("any") { try vector.containsNonZero(isCancelled: $0) }
        assertInterrupted("all") { try matrix.isAllNonZero(isCancelled: $0) }
        // 64-row blocks of a [320, 1024] x [1024, 1024] product: five polls in all.
        let a = try Tensor.filled([320, 1024], with: 1)
        let b = try Tensor.filled([1024, 1024], with: 1)
        assertInterrupted("matrix product") { try a.matrixProduct(b, isCancelled: $0) }
    }
}
