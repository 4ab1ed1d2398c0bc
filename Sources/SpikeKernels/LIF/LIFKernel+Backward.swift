/// Back-propagation through time for `LIFKernel` (the equations are in its doc comment).
extension LIFKernel {
    /// dL/dX from dL/dS (`gradient`), the saved charges and the spikes, all `steps` × `neurons`.
    public func backward(
        gradient: UnsafeBufferPointer<Float>, charges: UnsafeBufferPointer<Float>,
        spikes: UnsafeBufferPointer<Float>, inputGradient: UnsafeMutableBufferPointer<Float>,
        steps: Int, neurons: Int
    ) {
        guard steps > 0, neurons > 0, let gs = gradient.baseAddress, let h = charges.baseAddress,
            let s = spikes.baseAddress, let gx = inputGradient.baseAddress
        else { return }
        KernelThreads.split(neurons: neurons, steps: steps) { first, count in
            backward(
                gs + first, h + first, s + first, gx + first, steps: steps, neurons: count, stride: neurons,
                stateStride: neurons)
        }
    }

    /// The backward of `neurons` neurons: rows of the gradients `gs` and `gx` are `stride`
    /// apart, those of the charges `h` and spikes `s` `stateStride` apart.
    func backward(
        _ gs: UnsafePointer<Float>, _ h: UnsafePointer<Float>, _ s: UnsafePointer<Float>, _ gx: UnsafeMutablePointer<Float>,
        steps: Int, neurons: Int, stride: Int, stateStride: Int
    ) {
        let carry = decayInput ? 1 - leak : beta
        let inputScale = decayInput ? leak : 1
        let threshold = self.threshold
        let surrogate = self.surrogate
        let hardReset = self.hardReset
        let detach = detachReset
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * Self.chunk) { scratch in
            guard let gv = scratch.baseAddress else { return }
            let sg = gv + Self.chunk
            var start = 0
            while start < neurons {
                let width = Swift.min(Self.chunk, neurons &- start)
                gv.initialize(repeating: 0, count: width)
                var t = steps - 1
                while t >= 0 {
                    let row = t &* stride &+ start
                    let stateRow = t &* stateStride &+ start
                    let gsRow = gs + row
                    let hRow = h + stateRow
                    let sRow = s + stateRow
                    let gxRow = gx + row
                    surrogate.derivatives(hRow, minus: threshold, into: sg, count: width)
                    switch (hardReset, detach) {
                    case (true, true):
                        Self.combine(gsRow, sg, sRow, hRow, gv, gxRow, width, inputScale, carry) { s, _, _ in 1 - s }
                    case (true, false):
                        Self.combine(gsRow, sg, sRow, hRow, gv, gxRow, width, inputScale, carry) { s, h, g in 1 - s - h * g }
                    case (false, true):
                        Self.combine(gsRow, sg, sRow, hRow, gv, gxRow, width, inputScale, carry) { _, _, _ in SIMD8<Float>(repeating: 1) }
                    case (false, false):
                        let th = SIMD8<Float>(repeating: threshold)
                        Self.combine(gsRow, sg, sRow, hRow, gv, gxRow, width, inputScale, carry) { _, _, g in 1 - th * g }
                    }
                    t -= 1
                }
                start &+= width
            }
        }
    }

    /// One backward time step over `width` neurons in explicit 8-lane vectors (the pointers
    /// may not alias, which the auto-vectoriser cannot prove):
    /// dH = gS·g' + gV·dV/dH;  gX = dH·inputScale;  gV = dH·carry.
    @inline(__always)
    static func combine(
        _ gs: UnsafePointer<Float>, _ sg: UnsafePointer<Float>, _ s: UnsafePointer<Float>, _ h: UnsafePointer<Float>,
        _ gv: UnsafeMutablePointer<Float>, _ gx: UnsafeMutablePointer<Float>, _ width: Int,
        _ inputScale: Float, _ carry: Float,
        _ membraneDerivative: (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) {
        typealias Vector = SIMD8<Float>
        let scale = Vector(repeating: inputScale)
        let keep = Vector(repeating: carry)
        func load(_ p: UnsafePointer<Float>, _ j: Int) -> Vector {
            UnsafeRawPointer(p + j).loadUnaligned(as: Vector.self)
        }
        var j = 0
        while j &+ 8 <= width {
            let g = load(sg, j)
            let dh = load(gs, j) * g + load(gv, j) * membraneDerivative(load(s, j), load(h, j), g)
            UnsafeMutableRawPointer(gx + j).storeBytes(of: dh * scale, as: Vector.self)
            UnsafeMutableRawPointer(gv + j).storeBytes(of: dh * keep, as: Vector.self)
            j &+= 8
        }
        while j < width {
            let g = Vector(repeating: sg[j])
            let dh =
                Vector(repeating: gs[j]) * g
                + Vector(repeating: gv[j]) * membraneDerivative(Vector(repeating: s[j]), Vector(repeating: h[j]), g)
            gx[j] = dh[0] * inputScale
            gv[j] = dh[0] * carry
            j &+= 1
        }
    }
}
