import TestSupport
import XCTest

@testable import SpikeEngine

final class TensorTests: XCTestCase {
    func testAScalarCountThatDoesNotMatchTheShapeIsAValueErrorNamingScalars() {
        XCTAssertThrowsError(try Tensor(shape: [2, 3], scalars: [1, 2, 3])) { error in
            guard case .value(argument: .scalars, _)? = error as? EngineError else {
                return XCTFail("unexpected \(error)")
            }
        }
    }

    func testANegativeExtentIsAValueErrorNamingShape() {
        XCTAssertThrowsError(try Tensor.zeros([2, -1])) { error in
            guard case .value(argument: .shape, _)? = error as? EngineError else {
                return XCTFail("unexpected \(error)")
            }
        }
    }

    func testIndexingIsRowMajor() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try t.scalar(at: [1, 0]), 4)
        XCTAssertEqual(try t.scalar(at: [-1, -1]), 6)
    }

    func testARowVectorBroadcastsOverEveryRow() throws {
        let matrix = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let row = Tensor([10, 20, 30])
        XCTAssertEqual(try matrix + row, try Tensor(shape: [2, 3], scalars: [11, 22, 33, 14, 25, 36]))
        XCTAssertEqual(try matrix * Tensor(2), try Tensor(shape: [2, 3], scalars: [2, 4, 6, 8, 10, 12]))
    }

    func testAColumnAndARowBroadcastToTheirOuterShape() throws {
        let column = try Tensor(shape: [3, 1], scalars: [1, 2, 3])
        let row = try Tensor(shape: [1, 2], scalars: [10, 100])
        let difference = try row - column
        XCTAssertEqual(difference.shape, [3, 2])
        XCTAssertEqual(difference.scalars, [9, 99, 8, 98, 7, 97])
        let quotient = try Tensor(shape: [2, 1, 2], scalars: [2, 4, 6, 8]) / Tensor([2, 4])
        XCTAssertEqual(quotient.shape, [2, 1, 2])
        XCTAssertEqual(quotient.scalars, [1, 1, 3, 2])
    }

    func testIncompatibleShapesNameBothShapes() {
        XCTAssertThrowsError(try Tensor.ones([2, 3]) + Tensor.ones([2])) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "add", first: [2, 3], second: [2]))
        }
    }

    func testReductionsOverAnAxisRemoveIt() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])
        XCTAssertEqual(try t.sum().scalarValue, 21)
        XCTAssertEqual(try t.sum(axis: 0).scalars, [5, 7, 9])
        XCTAssertEqual(try t.mean(axis: 1).scalars, [3, 4])
        XCTAssertEqual(try t.max(axis: -1).scalars, [5, 6])
        XCTAssertEqual(try t.min(axis: 0).scalars, [1, 2, 3])
        XCTAssertEqual(try t.max().shape, [])
    }

    func testSumsAndMeansOverAMiddleAxisAddInFloat64AndRoundOnce() throws {
        // 13 entries per row: the 8-wide path and the scalar tail; 1e8 + 1 + … shows Float64 sums.
        let (outer, extent, inner) = (3, 5, 13)
        var values = [Float]()
        for o in 0..<outer {
            for e in 0..<extent {
                for i in 0..<inner { values.append(e == 0 ? 1e8 : Float(o * 7 + e * 3 + i) / 7) }
            }
        }
        let t = try Tensor(shape: [outer, extent, inner], scalars: values)
        var sums = [Float]()
        var means = [Float]()
        for o in 0..<outer {
            for i in 0..<inner {
                var total = 0.0
                for e in 0..<extent { total += Double(values[(o * extent + e) * inner + i]) }
                sums.append(Float(total))
                means.append(Float(total / Double(extent)))
            }
        }
        XCTAssertEqual(try t.sum(axis: 1).scalars, sums)
        XCTAssertEqual(try t.mean(axis: 1).scalars, means)
        XCTAssertEqual(try t.mean(axis: 1).shape, [outer, inner])
    }

    func testAnAxisOutOfRangeIsAValueErrorNamingAxis() {
        XCTAssertThrowsError(try Tensor.ones([2, 3]).sum(axis: 2)) { error in
            guard case .value(argument: .axis, _)? = error as? EngineError else {
                return XCTFail("unexpected \(error)")
            }
        }
    }

    func testReshapeInfersOneExtentAndRejectsAWrongCount() throws {
        let t = try Tensor.ones([2, 3]).reshaped([3, -1])
        XCTAssertEqual(t.shape, [3, 2])
        XCTAssertThrowsError(try Tensor.ones([2, 3]).reshaped([4, 2])) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "reshape", first: [2, 3], second: [4, 2]))
        }
    }

    func testTransposeSwapsTheLastTwoAxes() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]).transposed()
        XCTAssertEqual(t.shape, [3, 2])
        XCTAssertEqual(t.scalars, [1, 4, 2, 5, 3, 6])
    }

    func testPermuteMovesEveryAxis() throws {
        let t = try Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))
        let p = try t.permuted([2, 0, 1])
        XCTAssertEqual(p.shape, [4, 2, 3])
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 {
                    XCTAssertEqual(try p.scalar(at: [k, i, j]), try t.scalar(at: [i, j, k]))
                }
            }
        }
    }

    func testConcatenateAndSliceAreInverse() throws {
        let a = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let b = try Tensor(shape: [2, 1], scalars: [5, 6])
        let joined = try Tensor.concatenate([a, b], axis: 1)
        XCTAssertEqual(joined.scalars, [1, 2, 5, 3, 4, 6])
        XCTAssertEqual(try joined.sliced(axis: 1, range: 0..<2), a)
        XCTAssertEqual(try joined.sliced(axis: 1, range: 2..<3), b)
        XCTAssertThrowsError(try Tensor.concatenate([a, Tensor.ones([3, 1])], axis: 1))
    }

    func testMatmulAgreesWithAPlainTripleLoop() throws {
        var generator = SeededGenerator(seed: 7)
        let a = try Tensor.randn([5, 7], generator: &generator)
        let b = try Tensor.randn([7, 3], generator: &generator)
        let product = try a.matmul(b)
        XCTAssertEqual(product.shape, [5, 3])
        var expected = [Double]()
        for i in 0..<5 {
            for j in 0..<3 {
                var sum = 0.0
                for k in 0..<7 { sum += Double(a.scalars[i * 7 + k]) * Double(b.scalars[k * 3 + j]) }
                expected.append(sum)
            }
        }
        assertClose(product.scalars.map(Double.init), expected, absolute: 1e-5, relative: 1e-5)
    }

    func testBatchedMatmulMultipliesEachBatchOnItsOwn() throws {
        var generator = SeededGenerator(seed: 3)
        let a = try Tensor.randn([2, 3, 4], generator: &generator)
        let b = try Tensor.randn([2, 4, 5], generator: &generator)
        let product = try a.matmul(b)
        XCTAssertEqual(product.shape, [2, 3, 5])
        for batch in 0..<2 {
            let single = try a.sliced(axis: 0, range: batch..<(batch + 1)).reshaped([3, 4])
                .matmul(try b.sliced(axis: 0, range: batch..<(batch + 1)).reshaped([4, 5]))
            XCTAssertEqual(try product.sliced(axis: 0, range: batch..<(batch + 1)).reshaped([3, 5]), single)
        }
    }

    func testTransposedOperandsEqualMaterialisedTransposes() throws {
        let a = try Tensor.randn([2, 4, 3], seed: 5)
        let b = try Tensor.randn([2, 5, 3], seed: 6)
        XCTAssertEqual(try a.matmul(b, transposingOther: true), try a.matmul(b.transposed()))
        let c = try Tensor.randn([2, 5, 4], seed: 8)
        XCTAssertEqual(
            try a.matmul(c, transposingSelf: true, transposingOther: true),
            try a.transposed().matmul(c.transposed()))
        let shared = try Tensor.randn([5, 3], seed: 7)
        XCTAssertEqual(try a.matmul(shared, transposingOther: true), try a.matmul(shared.transposed()))
    }

    func testMatmulOfMismatchedInnerExtentsNamesBothShapes() {
        XCTAssertThrowsError(try Tensor.ones([2, 3]).matmul(Tensor.ones([4, 5]))) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "matmul", first: [2, 3], second: [4, 5]))
        }
    }

    func testTheSameSeedGivesBitIdenticalSamples() throws {
        let first = try Tensor.randn([1000], seed: 42)
        let second = try Tensor.randn([1000], seed: 42)
        XCTAssertEqual(first.scalars.map(\.bitPattern), second.scalars.map(\.bitPattern))
        XCTAssertNotEqual(first, try Tensor.randn([1000], seed: 43))
    }

    func testNormalSamplesHaveMeanZeroAndUnitVariance() throws {
        let samples = try Tensor.randn([100_000], seed: 1).scalars.map(Double.init)
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        // Standard errors: 1/sqrt(n) ≈ 0.003 for the mean, sqrt(2/n) ≈ 0.0045 for the variance.
        XCTAssertEqual(mean, 0, accuracy: 0.015)
        XCTAssertEqual(variance, 1, accuracy: 0.02)
    }

    func testAnAllocationOverTheBudgetIsRefusedBeforeAllocating() {
        let budget = MemoryBudget(bytes: 1 << 20)
        XCTAssertThrowsError(try Tensor.zeros([1024, 1024], budget: budget)) { error in
            XCTAssertEqual(error as? EngineError, .resource(requestedBytes: 4 << 20, budgetBytes: 1 << 20))
        }
        XCTAssertNoThrow(try Tensor.zeros([256, 1024], budget: budget))
    }

    func testTheStandardBudgetRefusesAnAbsurdRequest() {
        XCTAssertThrowsError(try Tensor.zeros([1 << 30, 1 << 20])) { error in
            guard case .resource? = error as? EngineError else { return XCTFail("unexpected \(error)") }
        }
    }
}
