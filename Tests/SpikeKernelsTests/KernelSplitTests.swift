import XCTest

@testable import SpikeKernels

/// The row kernels split over the engine's threads (`KernelThreads`) give the bits they give on
/// one thread: each splits independent rows, features, blocks or heads, never one sum. The
/// thresholds are lowered so these small shapes split; each test checks that they do.
final class KernelSplitTests: XCTestCase {
    /// `body` with `threads` threads and thresholds low enough for test shapes to split.
    private func on<Result>(_ threads: Int, _ body: () -> Result) -> Result {
        KernelThreads.set(threads, minimumWork: 64, minimumGEMMWork: 1 << 10)
        defer { KernelThreads.set(1) }
        return body()
    }

    /// `body`'s results (as bit patterns) on 2 and 3 threads equal those on 1.
    private func assertSameBits(_ label: String, _ body: () -> [[Float]], line: UInt = #line) {
        let one = on(1, body).map { $0.map(\.bitPattern) }
        XCTAssertFalse(one.isEmpty)
        for threads in [2, 3] {
            let split = on(threads, body).map { $0.map(\.bitPattern) }
            XCTAssertEqual(split, one, "\(label), \(threads) threads", line: line)
        }
    }

    /// Whether work of `items` × `cost` (multiply-adds with `gemm`) splits on 3 threads at the
    /// lowered thresholds.
    private func splits(items: Int, cost: Int, alignment: Int = 1, gemm: Bool = false) -> Bool {
        on(3) {
            KernelThreads.parts(
                items: items, cost: cost, alignment: alignment, minimum: gemm ? KernelThreads.minimumGEMMWork : nil)
        } > 1
    }

    /// Values in [−0.5, 2.5) from a fixed linear congruential sequence.
    private func values(_ count: Int, seed: UInt64 = 1) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 3 - 0.5
        }
    }

    /// Spikes (about 3% ones) or, with `scaled`, sparse values other than 1.
    private func sparse(_ count: Int, seed: UInt64, scaled: Bool = false) -> [Float] {
        values(count, seed: seed).map { $0 > 2.41 ? (scaled ? $0 : 1) : 0 }
    }

    func testSpikeAccumulationGivesTheSameBitsOnSeveralThreads() {
        let (rows, inputs, outputs) = (301, 40, 37)
        XCTAssertTrue(splits(items: rows, cost: inputs + outputs))
        let weight = values(inputs * outputs, seed: 2)
        let bias = values(outputs, seed: 3)
        let g = values(rows * outputs, seed: 4)
        for scaled in [false, true] {
            let x = sparse(rows * inputs, seed: 5, scaled: scaled)
            XCTAssertTrue(x.contains(1) != scaled && x.contains { $0 != 0 })
            assertSameBits("accumulation, scaled \(scaled)") {
                [
                    SpikeAccumulation.affine(x, weight, bias, rows: rows, inputs: inputs, outputs: outputs),
                    SpikeAccumulation.affine(x, weight, nil, rows: rows, inputs: inputs, outputs: outputs),
                    SpikeAccumulation.transposeProduct(x, g, rows: rows, inputs: inputs, outputs: outputs)
                ]
            }
        }
    }

    func testTheSparsityScanGivesTheSameAnswerOnSeveralThreadsAtItsBoundary() {
        // 2^20 values with exactly the allowed number of non-zeros, then one more, spread so
        // that each part sees some.
        let count = 1 << 20
        XCTAssertTrue(splits(items: count, cost: 1, alignment: 2048))
        let allowed = Int((1 - SpikeAccumulation.minimumZeroFraction) * Double(count))
        for nonZeros in [allowed, allowed + 1] {
            var x = [Float](repeating: 0, count: count)
            for j in 0..<nonZeros { x[j * (count / nonZeros)] = 1 }
            XCTAssertEqual(on(1) { SpikeAccumulation.isSparse(x) }, nonZeros == allowed)
            for threads in [2, 3] {
                XCTAssertEqual(on(threads) { SpikeAccumulation.isSparse(x) }, nonZeros == allowed, "\(nonZeros), \(threads) threads")
            }
        }
    }

    func testNormalizationGivesTheSameBitsOnSeveralThreads() {
        // 37 features: a feature tail past the 8-lane vectors and ranges of 16.
        let (rows, features) = (203, 37)
        XCTAssertTrue(splits(items: features, cost: rows, alignment: 16))
        let x = values(rows * features, seed: 6).map { $0 * 4 - 1 }
        let g = values(rows * features, seed: 7)
        let gamma = values(features, seed: 8)
        let beta = values(features, seed: 9)
        for perRow in [false, true] {
            assertSameBits("normalization, perRow \(perRow)") {
                let layout = NormalizationRows(rows: rows, features: features, perRow: perRow)
                let (mean, variance, inverse) = layout.statistics(x, epsilon: 1e-5)
                let xhat = layout.normalized(x, mean: mean, inverse: inverse)
                let y = NormalizationRows.affine(xhat, scale: gamma, shift: beta, features: features)
                var dx = [Float](repeating: 0, count: x.count)
                let (dScale, dShift) = g.withUnsafeBufferPointer { gs in
                    xhat.withUnsafeBufferPointer { xs in
                        dx.withUnsafeMutableBufferPointer { out in
                            layout.backward(
                                gs.baseAddress, xhat: xs.baseAddress, into: out.baseAddress, inverseDeviation: inverse,
                                scale: gamma)
                        }
                    }
                }
                return [mean, variance, inverse, xhat, y, dx, dScale, dShift]
            }
        }
    }

    func testTheBlockedLIFKernelGivesTheSameBitsOnSeveralThreads() {
        // 3 steps × 2,331 neurons in rows of 37: five blocks of 481, the last one short.
        let (steps, features) = (3, 37)
        let neurons = 63 * features
        let block = LIFKernel.blockWidth(rowWidth: features)
        XCTAssertTrue(splits(items: (neurons + block - 1) / block, cost: steps * block))
        let input = values(steps * neurons, seed: 10)
        let upstream = values(steps * neurons, seed: 11).map { $0 - 1 }
        let kernel = LIFKernel(
            beta: 0.5, leak: 0.5, threshold: 1, decayInput: true, hardReset: true, atOrAbove: true, detachReset: false,
            surrogate: SurrogateKernel(form: .atan, a: 2, b: 1))
        func fill(_ start: Int, _ width: Int, _ target: UnsafeMutablePointer<Float>, _ stride: Int) {
            for t in 0..<steps {
                for j in 0..<width { target[t * stride + j] = input[t * neurons + start + j] }
            }
        }
        assertSameBits("blocked LIF") {
            let spikes = kernel.spikes(steps: steps, neurons: neurons, rowWidth: features, fill: fill)
            var gradient = [Float](repeating: -1, count: steps * neurons)
            upstream.withUnsafeBufferPointer { g in
                gradient.withUnsafeMutableBufferPointer { out in
                    kernel.inputGradient(
                        gradient: g.baseAddress!, steps: steps, neurons: neurons, rowWidth: features, fill: fill,
                        into: out.baseAddress!)
                }
            }
            return [spikes, gradient]
        }
        let spikes = kernel.spikes(steps: steps, neurons: neurons, rowWidth: features, fill: fill)
        XCTAssertTrue(spikes.contains(1) && spikes.contains(0))
    }

    func testAttentionGivesTheSameBitsOnSeveralThreads() {
        // [T·B = 2·5, L = 9, D = 12] in 3 heads of 4.
        let shape = [2, 5, 9, 12]
        let layout = AttentionLayout(shape: shape, heads: 3)
        XCTAssertTrue(splits(items: 10, cost: 3 * 9 * 4 * 4, gemm: true))
        let (q, k, v) = (sparse(layout.count, seed: 12), sparse(layout.count, seed: 13), values(layout.count, seed: 14))
        let g = values(layout.count, seed: 15)
        assertSameBits("attention") {
            let products = layout.keyValueProducts(k, v)
            let (dk, dv) = layout.keyValueGradients(q, k, v, g)
            return [products, layout.attention(q, products, scale: 0.125), layout.queryGradient(g, products), dk, dv]
        }
    }

    func testAGEMMSplitByRowsGivesTheSameBitsForEveryTransposition() {
        // Tall and wide, with row counts no 24 (OpenBLAS's row block here) divides.
        for (m, n, k) in [(333, 70, 45), (201, 333, 45)] {
            XCTAssertTrue(splits(items: m, cost: n * k, alignment: ThreadedGEMM.rowAlignment, gemm: true))
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = values(m * k, seed: 16)
                let b = values(k * n, seed: 17)
                let start = values(m * n, seed: 18)
                assertSameBits("GEMM \(m)×\(n)×\(k), transposes \(transposeA) \(transposeB)") {
                    [0, 1].map { beta in
                        var c = start
                        c.withUnsafeMutableBufferPointer { c in
                            ThreadedGEMM.multiply(
                                a, lda: transposeA ? m : k, transposeA: transposeA, b, ldb: transposeB ? k : n,
                                transposeB: transposeB, into: c.baseAddress!, ldc: n, m: m, n: n, k: k, beta: Float(beta))
                        }
                        return c
                    }
                }
            }
        }
    }

    func testAGEMMSplitGivesTheProductComputedInFloat64() {
        let (m, n, k) = (200, 9, 30)
        let a = values(m * k, seed: 19)
        let b = values(k * n, seed: 20)
        var c = [Float](repeating: .nan, count: m * n)
        on(3) {
            c.withUnsafeMutableBufferPointer { c in
                ThreadedGEMM.multiply(
                    a, lda: k, transposeA: false, b, ldb: n, transposeB: false, into: c.baseAddress!, ldc: n, m: m, n: n, k: k,
                    beta: 0)
            }
        }
        for i in 0..<m {
            for j in 0..<n {
                let expected = (0..<k).reduce(0.0) { $0 + Double(a[i * k + $1]) * Double(b[$1 * n + j]) }
                XCTAssertEqual(Double(c[i * n + j]), expected, accuracy: 1e-4 * Swift.max(1, abs(expected)), "\(i), \(j)")
            }
        }
    }

    func testWorkBelowTheDefaultThresholdsStaysOnOneThread() {
        KernelThreads.set(2)
        defer { KernelThreads.set(1) }
        // 2^21 steps per part at least: the tutorial Spikformer's largest row pass (6144 rows ×
        // 256 hidden features) stays whole, a paper-size one (21,504 × 256) splits.
        XCTAssertEqual(KernelThreads.parts(items: 6144, cost: 256), 1)
        XCTAssertEqual(KernelThreads.parts(items: 21_504, cost: 256), 2)
        // 2^26 multiply-adds per part of a GEMM: the tutorial's 6144 × 256 × 64 stays whole, the
        // paper's 21,504 × 256 × 256 splits.
        let gemm = KernelThreads.minimumGEMMWork
        XCTAssertEqual(KernelThreads.parts(items: 6144, cost: 256 * 64, alignment: 96, minimum: gemm), 1)
        XCTAssertEqual(KernelThreads.parts(items: 21_504, cost: 256 * 256, alignment: 96, minimum: gemm), 2)
    }

    func testRangesCoverEveryItemOnceAlignedToTheirMultiple() {
        for (items, parts, alignment) in [(10, 3, 1), (130, 2, 64), (400_003, 3, 64), (5, 4, 1), (7, 3, 8)] {
            var seen = [Int](repeating: 0, count: items)
            var starts: [Int] = []
            let lock = NSLock()
            KernelThreads.run(parts: parts, items: items, alignment: alignment) { _, first, count in
                lock.withLock {
                    starts.append(first)
                    for i in first..<(first + count) { seen[i] += 1 }
                }
            }
            XCTAssertEqual(seen, [Int](repeating: 1, count: items), "\(items) items in \(parts) parts")
            XCTAssertTrue(starts.allSatisfy { $0 % alignment == 0 }, "\(starts)")
        }
    }
}
