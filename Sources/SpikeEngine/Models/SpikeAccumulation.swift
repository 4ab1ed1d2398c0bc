/// Affine maps whose input is mostly zeros — spikes — done as accumulations: each non-zero
/// input x[r, i] adds x[r, i]·W[i, :] to its output row, so the work is proportional to the
/// number of spikes rather than to rows·inputs (the synaptic operations of an SNN, science.md §5).
///
/// `Tape.linear` uses these kernels when at least `minimumZeroFraction` of its input is zero;
/// the results equal the GEMM's up to the order of the additions. Cost: O(rows·inputs) to scan
/// plus O(non-zeros·outputs) to accumulate.
enum SpikeAccumulation {
    /// From this fraction of zeros on, accumulating beats a dense GEMM here (measured on 64–256
    /// wide layers: the GEMM runs near its peak, so the break-even is high).
    static let minimumZeroFraction = 0.7

    /// Whether `x` has enough zeros for the accumulating kernels to pay off (counted 8 lanes at a time).
    static func isSparse(_ x: [Float]) -> Bool {
        guard x.count >= 4096 else { return false }
        var zeros = 0
        x.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            let vectorized = values.count - values.count % 8
            var lanes = SIMD8<Int32>()
            var index = 0
            while index < vectorized {
                let mask = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<Float>.self) .== SIMD8<Float>()
                lanes.replace(with: lanes &+ 1, where: mask)
                index &+= 8
            }
            zeros = Int(lanes.wrappedSum())
            while index < values.count {
                if base[index] == 0 { zeros &+= 1 }
                index &+= 1
            }
        }
        return Double(zeros) >= minimumZeroFraction * Double(x.count)
    }

    /// x·W + b for x [rows, inputs], W [inputs, outputs], b [outputs] (or none). Each output
    /// row is built in registers (`RowAccumulation`): the bias, then the weight rows of the
    /// row's non-zero inputs in increasing order, as the scalar loop adds them.
    static func affine(_ x: [Float], _ weight: [Float], _ bias: [Float]?, rows: Int, inputs: Int, outputs: Int) -> [Float] {
        let count = rows * outputs
        let start = bias ?? [Float](repeating: 0, count: outputs)
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let y = out.baseAddress else { return }
            x.withUnsafeBufferPointer { xs in
                weight.withUnsafeBufferPointer { ws in
                    start.withUnsafeBufferPointer { bs in
                        withUnsafeTemporaryAllocation(of: Int.self, capacity: inputs + 1) { offsets in
                            withUnsafeTemporaryAllocation(of: Float.self, capacity: inputs + 1) { scales in
                                guard let x = xs.baseAddress, let w = ws.baseAddress, let b = bs.baseAddress,
                                      let offset = offsets.baseAddress, let scale = scales.baseAddress else { return }
                                for row in 0..<rows {
                                    let source = x + row &* inputs
                                    let n = gather(source, count: inputs, stride: outputs, offsets: offset, scales: scale)
                                    RowAccumulation.accumulate(into: y + row &* outputs, start: b, source: w, offsets: offset,
                                                               scales: scale, count: n, width: outputs)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Lists the non-zeros of `source[0..<count]` in order: entry j gets offset i·`stride` and
    /// value source[i]; returns how many. Eight inputs are tested at once and only their set
    /// bits are visited, so the work is about count/8 plus the number of non-zeros.
    @inline(__always)
    static func gather(
        _ source: UnsafePointer<Float>, count: Int, stride: Int, offsets: UnsafeMutablePointer<Int>,
        scales: UnsafeMutablePointer<Float>
    ) -> Int {
        let bit = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
        let vectorized = count - count % 8
        var n = 0
        var base = 0
        while base < vectorized {
            let values = UnsafeRawPointer(source + base).loadUnaligned(as: SIMD8<Float>.self)
            var bits = UInt32(truncatingIfNeeded: SIMD8<Int32>().replacing(with: bit, where: values .!= SIMD8<Float>()).wrappedSum())
            while bits != 0 {
                let i = base &+ bits.trailingZeroBitCount
                offsets[n] = i &* stride
                scales[n] = source[i]
                n &+= 1
                bits &= bits &- 1
            }
            base &+= 8
        }
        while base < count {
            if source[base] != 0 {
                offsets[n] = base &* stride
                scales[n] = source[base]
                n &+= 1
            }
            base &+= 1
        }
        return n
    }

    /// xᵀ·g for x [rows, inputs] (mostly zeros) and g [rows, outputs] → [inputs, outputs].
    /// The non-zeros are first listed by input, rows ascending; then each result row i is built
    /// in registers from the g rows of input i's non-zeros, in the order the scalar loop adds them.
    static func transposeProduct(_ x: [Float], _ g: [Float], rows: Int, inputs: Int, outputs: Int) -> [Float] {
        let count = inputs * outputs
        // Input i's non-zeros are entries first[i]..<first[i + 1] of (offsets, scales).
        var first = [Int](repeating: 0, count: inputs + 1)
        var offsets = [Int](), scales = [Float]()
        x.withUnsafeBufferPointer { xs in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: inputs + 1) { indexBuffer in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: inputs + 1) { valueBuffer in
                    guard let x = xs.baseAddress, let index = indexBuffer.baseAddress, let value = valueBuffer.baseAddress else { return }
                    first.withUnsafeMutableBufferPointer { counts in
                        for row in 0..<rows {
                            let n = gather(x + row &* inputs, count: inputs, stride: 1, offsets: index, scales: value)
                            for j in 0..<n { counts[index[j] &+ 1] &+= 1 }
                        }
                        for i in 0..<inputs { counts[i &+ 1] &+= counts[i] }
                    }
                    let nonZeros = Swift.max(first[inputs], 1)
                    var next = Array(first.dropLast())
                    offsets = [Int](repeating: 0, count: nonZeros)
                    scales = [Float](repeating: 0, count: nonZeros)
                    next.withUnsafeMutableBufferPointer { slot in
                        offsets.withUnsafeMutableBufferPointer { rowOffsets in
                            scales.withUnsafeMutableBufferPointer { rowScales in
                                for row in 0..<rows {
                                    let n = gather(x + row &* inputs, count: inputs, stride: 1, offsets: index, scales: value)
                                    for j in 0..<n {
                                        let i = index[j]
                                        rowOffsets[slot[i]] = row &* outputs
                                        rowScales[slot[i]] = value[j]
                                        slot[i] &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let zeros = [Float](repeating: 0, count: outputs)
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let result = out.baseAddress else { return }
            g.withUnsafeBufferPointer { gs in
                offsets.withUnsafeBufferPointer { os in
                    scales.withUnsafeBufferPointer { ss in
                        zeros.withUnsafeBufferPointer { zs in
                            guard let g = gs.baseAddress, let o = os.baseAddress, let s = ss.baseAddress,
                                  let z = zs.baseAddress else { return }
                            for i in 0..<inputs {
                                RowAccumulation.accumulate(into: result + i &* outputs, start: z, source: g, offsets: o + first[i],
                                                           scales: s + first[i], count: first[i + 1] - first[i], width: outputs)
                            }
                        }
                    }
                }
            }
        }
    }
}
