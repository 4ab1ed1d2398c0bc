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

    /// Whether `x` has enough zeros for the accumulating kernels to pay off.
    static func isSparse(_ x: [Float]) -> Bool {
        guard x.count >= 4096 else { return false }
        var zeros = 0
        x.withUnsafeBufferPointer { values in
            for value in values where value == 0 { zeros &+= 1 }
        }
        return Double(zeros) >= minimumZeroFraction * Double(x.count)
    }

    /// x·W + b for x [rows, inputs], W [inputs, outputs], b [outputs] (or none).
    static func affine(_ x: [Float], _ weight: [Float], _ bias: [Float]?, rows: Int, inputs: Int, outputs: Int) -> [Float] {
        var result = [Float](repeating: 0, count: rows * outputs)
        x.withUnsafeBufferPointer { xs in
            weight.withUnsafeBufferPointer { ws in
                result.withUnsafeMutableBufferPointer { out in
                    guard let x = xs.baseAddress, let w = ws.baseAddress, let y = out.baseAddress else { return }
                    for row in 0..<rows {
                        let target = y + row &* outputs
                        if let bias {
                            bias.withUnsafeBufferPointer { target.update(from: $0.baseAddress!, count: outputs) }
                        }
                        let source = x + row &* inputs
                        for i in 0..<inputs {
                            let value = source[i]
                            if value == 0 { continue }
                            let weights = w + i &* outputs
                            for o in 0..<outputs { target[o] += value * weights[o] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// xᵀ·g for x [rows, inputs] (mostly zeros) and g [rows, outputs] → [inputs, outputs].
    static func transposeProduct(_ x: [Float], _ g: [Float], rows: Int, inputs: Int, outputs: Int) -> [Float] {
        var result = [Float](repeating: 0, count: inputs * outputs)
        x.withUnsafeBufferPointer { xs in
            g.withUnsafeBufferPointer { gs in
                result.withUnsafeMutableBufferPointer { out in
                    guard let x = xs.baseAddress, let g = gs.baseAddress, let r = out.baseAddress else { return }
                    for row in 0..<rows {
                        let source = x + row &* inputs
                        let gradient = g + row &* outputs
                        for i in 0..<inputs {
                            let value = source[i]
                            if value == 0 { continue }
                            let target = r + i &* outputs
                            for o in 0..<outputs { target[o] += value * gradient[o] }
                        }
                    }
                }
            }
        }
        return result
    }
}
