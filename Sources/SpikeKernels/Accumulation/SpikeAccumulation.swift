import Synchronization

/// Affine maps whose input is mostly zeros — spikes — done as accumulations: each non-zero
/// input x[r, i] adds x[r, i]·W[i, :] to its output row, so the work is proportional to the
/// number of spikes rather than to rows·inputs (the synaptic operations of an SNN, docs/science.md §5).
///
/// `Tape.linear` uses these kernels when at least `minimumZeroFraction` of its input is zero;
/// the results equal the GEMM's up to the order of the additions. Cost: O(rows·inputs) to scan
/// plus O(non-zeros·outputs) to accumulate.
public enum SpikeAccumulation {
    /// From this fraction of zeros on, accumulating beats a dense GEMM here. Measured on this
    /// machine for 6144 rows of random spikes, 64 → 64: accumulating takes 0.2–0.3 ms at 5%
    /// firing and 0.6–0.8 ms at 10% (each row's spike list costs unpredictable branches),
    /// against 0.46 ms for OpenBLAS on 32-row blocks; so only very sparse inputs qualify.
    static let minimumZeroFraction = 0.93

    /// Whether `x` has enough zeros for the accumulating kernels to pay off. Non-zeros are
    /// counted 8 lanes at a time, and the scan stops as soon as there are too many of them (a
    /// dense input is usually recognised within its first fraction). A large input is scanned
    /// in ranges on the engine's threads, which add their counts to one total every 2048
    /// values and all stop once it is too large (counts are integers: the answer is the same).
    public static func isSparse(_ x: [Float]) -> Bool {
        guard x.count >= 4096 else { return false }
        let allowed = Int((1 - minimumZeroFraction) * Double(x.count))
        let parts = KernelThreads.parts(items: x.count, cost: 1, alignment: 2048)
        let total = Atomic<Int>(0)
        x.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            KernelThreads.run(parts: parts, items: values.count, alignment: 2048) { _, first, count in
                countNonZeros(base + first, count: count, into: total, limit: allowed)
            }
        }
        return total.load(ordering: .relaxed) <= allowed
    }

    /// Adds the non-zeros among `count` values from `base` to `total`, 2048 values at a time,
    /// stopping once `total` is above `limit`.
    private static func countNonZeros(_ base: UnsafePointer<Float>, count: Int, into total: borrowing Atomic<Int>, limit: Int) {
        let vectorized = count - count % 8
        var index = 0
        while index < vectorized {
            // One 2048-scalar stretch at a time, counted in lanes (a non-zero lane adds −(−1)).
            let end = Swift.min(vectorized, index &+ 2048)
            var lanes = SIMD8<Int32>()
            while index < end {
                let mask = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<Float>.self) .!= SIMD8<Float>()
                lanes &-= unsafeBitCast(mask, to: SIMD8<Int32>.self)
                index &+= 8
            }
            let sum = total.wrappingAdd(Int(lanes.wrappedSum()), ordering: .relaxed).newValue
            if sum > limit { return }
        }
        var rest = 0
        while index < count {
            if base[index] != 0 { rest &+= 1 }
            index &+= 1
        }
        total.wrappingAdd(rest, ordering: .relaxed)
    }

    /// x·W + b for x [rows, inputs], W [inputs, outputs], b [outputs] (or none). Each output
    /// row is built in registers (`RowAccumulation`): the bias, then the weight rows of the
    /// row's non-zero inputs in increasing order, as the scalar loop adds them.
    public static func affine(_ x: [Float], _ weight: [Float], _ bias: [Float]?, rows: Int, inputs: Int, outputs: Int) -> [Float] {
        let count = rows * outputs
        let start = bias ?? [Float](repeating: 0, count: outputs)
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let y = out.baseAddress else { return }
            withBuffers(x, weight, start) { xs, ws, bs in
                guard let x = xs.baseAddress, let w = ws.baseAddress, let b = bs.baseAddress else { return }
                // Rows are independent: ranges of them go to the engine's threads, each with its own lists.
                KernelThreads.split(items: rows, cost: inputs + outputs) { first, count in
                    withScratch(Int.self, inputs + 1, Float.self, inputs + 1) { offsets, scales in
                        guard let offset = offsets.baseAddress, let scale = scales.baseAddress else { return }
                        for row in first..<(first + count) {
                            let source = x + row &* inputs
                            var ones = false
                            let n = gather(source, count: inputs, stride: outputs, offsets: offset, scales: scale, allOnes: &ones)
                            RowAccumulation.accumulate(
                                into: y + row &* outputs, start: b, source: w, offsets: offset,
                                scales: scale, count: n, width: outputs, unitScales: ones)
                        }
                    }
                }
            }
        }
    }

    /// Lists the non-zeros of `source[0..<count]` in order: entry j gets offset i·`stride` and
    /// value source[i]; returns how many, and sets `allOnes` to whether every one is 1 (spikes).
    /// Eight inputs are tested at once and only their set bits are visited, so the work is
    /// about count/8 plus the number of non-zeros.
    @inline(__always)
    static func gather(
        _ source: UnsafePointer<Float>, count: Int, stride: Int, offsets: UnsafeMutablePointer<Int>,
        scales: UnsafeMutablePointer<Float>, allOnes: inout Bool
    ) -> Int {
        var ones = true
        let bit = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
        let vectorized = count - count % 8
        var n = 0
        var base = 0
        while base < vectorized {
            let values = UnsafeRawPointer(source + base).loadUnaligned(as: SIMD8<Float>.self)
            // One bit per non-zero lane, folded with shuffles (no scalar reduction).
            let lanes = unsafeBitCast(values .!= SIMD8<Float>(), to: SIMD8<Int32>.self) & bit
            let half = lanes.lowHalf | lanes.highHalf
            let quarter = half.lowHalf | half.highHalf
            var bits = UInt32(truncatingIfNeeded: quarter[0] | quarter[1])
            while bits != 0 {
                let i = base &+ bits.trailingZeroBitCount
                offsets[n] = i &* stride
                scales[n] = source[i]
                ones = ones && source[i] == 1
                n &+= 1
                bits &= bits &- 1
            }
            base &+= 8
        }
        while base < count {
            if source[base] != 0 {
                offsets[n] = base &* stride
                scales[n] = source[base]
                ones = ones && source[base] == 1
                n &+= 1
            }
            base &+= 1
        }
        allOnes = ones
        return n
    }

    /// xᵀ·g for x [rows, inputs] (mostly zeros) and g [rows, outputs] → [inputs, outputs].
    /// The non-zeros are first listed by input, rows ascending; then each result row i is built
    /// in registers from the g rows of input i's non-zeros, in the order the scalar loop adds them.
    /// Both phases run on the engine's threads when large: the listing by ranges of rows (each
    /// range counts its non-zeros per input, then writes them after those of earlier ranges, so
    /// the lists are the same), the sums by ranges of inputs.
    public static func transposeProduct(_ x: [Float], _ g: [Float], rows: Int, inputs: Int, outputs: Int) -> [Float] {
        let count = inputs * outputs
        let parts = KernelThreads.parts(items: rows, cost: inputs)
        // Input i's non-zeros are entries first[i]..<first[i + 1] of (offsets, scales); part p
        // writes its own from slot[p·inputs + i] on.
        var first = [Int](repeating: 0, count: inputs + 1)
        var slot = [Int](repeating: 0, count: parts * inputs)
        var ones = [Bool](repeating: true, count: parts)
        var offsets = [Int]()
        var scales = [Float]()
        x.withUnsafeBufferPointer { xs in
            guard let x = xs.baseAddress else { return }
            // Calls `visit(slots, row, index, value, n)` for the rows of each part, with its non-zeros listed.
            func eachPart(_ visit: (UnsafeMutablePointer<Int>, Int, UnsafePointer<Int>, UnsafePointer<Float>, Int) -> Void) {
                withMutableBuffers(&slot, &ones) { slots, units in
                    KernelThreads.run(parts: parts, items: rows) { part, start, count in
                        withScratch(Int.self, inputs + 1, Float.self, inputs + 1) { indexBuffer, valueBuffer in
                            guard let index = indexBuffer.baseAddress, let value = valueBuffer.baseAddress else { return }
                            var unit = true
                            for row in start..<(start + count) {
                                var rowOnes = false
                                let n = gather(
                                    x + row &* inputs, count: inputs, stride: 1, offsets: index, scales: value, allOnes: &rowOnes)
                                unit = unit && rowOnes
                                visit(slots.baseAddress! + part &* inputs, row, index, value, n)
                            }
                            units[part] = unit
                        }
                    }
                }
            }
            // Count each part's non-zeros per input.
            eachPart { counts, _, index, _, n in
                for j in 0..<n { counts[index[j]] &+= 1 }
            }
            // Turn the counts into each part's first slot per input: inputs in order, parts in order within one.
            var total = 0
            for i in 0..<inputs {
                first[i] = total
                for part in 0..<parts {
                    let n = slot[part &* inputs &+ i]
                    slot[part &* inputs &+ i] = total
                    total &+= n
                }
            }
            first[inputs] = total
            offsets = [Int](repeating: 0, count: Swift.max(total, 1))
            scales = [Float](repeating: 0, count: Swift.max(total, 1))
            withMutableBuffers(&offsets, &scales) { rowOffsets, rowScales in
                eachPart { slots, row, index, value, n in
                    for j in 0..<n {
                        let i = index[j]
                        rowOffsets[slots[i]] = row &* outputs
                        rowScales[slots[i]] = value[j]
                        slots[i] &+= 1
                    }
                }
            }
        }
        let unit = !ones.contains(false)
        let zeros = [Float](repeating: 0, count: outputs)
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let result = out.baseAddress else { return }
            withBuffers(g, offsets, scales, zeros) { gs, os, ss, zs in
                guard let g = gs.baseAddress, let o = os.baseAddress, let s = ss.baseAddress,
                    let z = zs.baseAddress
                else { return }
                // Result rows are independent: ranges of inputs go to the engine's threads.
                let perInput = (first[inputs] / Swift.max(inputs, 1) + 1) * outputs
                first.withUnsafeBufferPointer { first in
                    KernelThreads.split(items: inputs, cost: perInput) { start, count in
                        for i in start..<(start + count) {
                            RowAccumulation.accumulate(
                                into: result + i &* outputs, start: z, source: g, offsets: o + first[i],
                                scales: s + first[i], count: first[i + 1] - first[i], width: outputs,
                                unitScales: unit)
                        }
                    }
                }
            }
        }
    }
}
