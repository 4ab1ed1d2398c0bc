/// Fused multi-step LIF kernels in Float32 over a [T, N] block (time first, neurons contiguous).
///
/// The forward runs the recurrence of `LIF` (see its doc comment) for every neuron, starting
/// from V = 0; the training forward also keeps the charge H[t] for the backward, which runs
/// back-propagation through time with the surrogate derivative:
///
///     dL/dH[t] = dL/dS[t] · g'(H[t] − V_th) + dL/dV[t] · dV[t]/dH[t]
///     dV/dH    = 1 − S[t]           (hard reset; − H[t]·g' more when the reset is not detached)
///              = 1                  (subtract; − V_th·g' more when the reset is not detached)
///     dL/dX[t] = dL/dH[t] · (1/tau or 1),   dL/dV[t−1] = dL/dH[t] · (1 − 1/tau or beta)
///
/// Both directions work on blocks of neurons whose membranes (or their gradients) stay in L1,
/// in explicit 8-lane vectors. Each configuration gets its own
/// generic specialisation, so the inner loops are branch-free. Cost: O(T·N) time; the
/// training forward stores T·N charges.
struct LIFKernel: Sendable {
    let beta: Float
    let leak: Float
    let threshold: Float
    let decayInput: Bool
    let hardReset: Bool
    let atOrAbove: Bool
    let detachReset: Bool
    let surrogate: SurrogateKernel

    /// Neurons per backward chunk: 1024 membrane gradients (4 KiB) stay in L1 while T steps stream past.
    static let chunk = 1024
    /// Neurons per forward block: 512 membranes (2 KiB) stay in L1.
    static let forwardBlock = 512

    init(_ neuron: LIF) {
        beta = Float(neuron.beta)
        leak = Float(neuron.leak)
        threshold = Float(neuron.threshold)
        decayInput = neuron.decayInput
        hardReset = neuron.reset == .zero
        atOrAbove = neuron.firing == .atOrAbove
        detachReset = neuron.detachReset
        surrogate = SurrogateKernel(neuron.surrogate)
    }

    /// Spikes (0/1) for `input` of `steps` × `neurons`; when `charges` is given it receives H.
    func forward(
        input: UnsafeBufferPointer<Float>, spikes: UnsafeMutableBufferPointer<Float>,
        charges: UnsafeMutableBufferPointer<Float>?, steps: Int, neurons: Int
    ) {
        guard steps > 0, neurons > 0, let x = input.baseAddress, let s = spikes.baseAddress else { return }
        let h = charges?.baseAddress
        switch (decayInput, hardReset, atOrAbove) {
        case (true, true, true): forward(DecayInput.self, HardReset.self, AtOrAbove.self, x, s, h, steps, neurons)
        case (true, true, false): forward(DecayInput.self, HardReset.self, Above.self, x, s, h, steps, neurons)
        case (true, false, true): forward(DecayInput.self, SubtractReset.self, AtOrAbove.self, x, s, h, steps, neurons)
        case (true, false, false): forward(DecayInput.self, SubtractReset.self, Above.self, x, s, h, steps, neurons)
        case (false, true, true): forward(PlainInput.self, HardReset.self, AtOrAbove.self, x, s, h, steps, neurons)
        case (false, true, false): forward(PlainInput.self, HardReset.self, Above.self, x, s, h, steps, neurons)
        case (false, false, true): forward(PlainInput.self, SubtractReset.self, AtOrAbove.self, x, s, h, steps, neurons)
        case (false, false, false): forward(PlainInput.self, SubtractReset.self, Above.self, x, s, h, steps, neurons)
        }
    }

    /// The forward for one configuration over blocks of `forwardBlock` neurons: for each time
    /// step the block's membranes (in L1) are updated 8 lanes at a time, so every step reads and
    /// writes one contiguous stretch per array, whatever T is.
    @inline(__always)
    private func forward<C: ChargeRule, R: ResetKind, F: FiringTest>(
        _: C.Type, _: R.Type, _: F.Type, _ x: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>,
        _ h: UnsafeMutablePointer<Float>?, _ steps: Int, _ neurons: Int
    ) {
        typealias Vector = SIMD8<Float>
        let beta = Vector(repeating: self.beta), leak = Vector(repeating: self.leak)
        let threshold = Vector(repeating: self.threshold)
        let one = Vector(repeating: 1), zero = Vector(repeating: 0)
        let vectorized = neurons - neurons % 8
        withUnsafeTemporaryAllocation(of: Vector.self, capacity: Self.forwardBlock / 8) { membranes in
            guard let v = membranes.baseAddress else { return }
            var start = 0
            while start < vectorized {
                let width = Swift.min(Self.forwardBlock, vectorized &- start)
                let lanes = width / 8
                v.initialize(repeating: zero, count: lanes)
                var row = start
                for _ in 0..<steps {
                    for lane in 0..<lanes {
                        let offset = row &+ lane &* 8
                        let charge = C.charge(v[lane], UnsafeRawPointer(x + offset).loadUnaligned(as: Vector.self), beta, leak)
                        let spike = zero.replacing(with: one, where: F.fires(charge, threshold))
                        if let h { UnsafeMutableRawPointer(h + offset).storeBytes(of: charge, as: Vector.self) }
                        UnsafeMutableRawPointer(s + offset).storeBytes(of: spike, as: Vector.self)
                        v[lane] = R.reset(charge, spike, threshold)
                    }
                    row &+= neurons
                }
                start &+= width
            }
        }
        for j in vectorized..<neurons {
            var v = zero
            var offset = j
            for _ in 0..<steps {
                let charge = C.charge(v, Vector(repeating: x[offset]), beta, leak)
                let spike = zero.replacing(with: one, where: F.fires(charge, threshold))
                h?[offset] = charge[0]
                s[offset] = spike[0]
                v = R.reset(charge, spike, threshold)
                offset &+= neurons
            }
        }
    }

    /// dL/dX from dL/dS (`gradient`), the saved charges and the spikes, all `steps` × `neurons`.
    func backward(
        gradient: UnsafeBufferPointer<Float>, charges: UnsafeBufferPointer<Float>,
        spikes: UnsafeBufferPointer<Float>, inputGradient: UnsafeMutableBufferPointer<Float>,
        steps: Int, neurons: Int
    ) {
        guard steps > 0, neurons > 0, let gs = gradient.baseAddress, let h = charges.baseAddress,
              let s = spikes.baseAddress, let gx = inputGradient.baseAddress else { return }
        let carry = decayInput ? 1 - leak : beta
        let inputScale = decayInput ? leak : 1
        let threshold = self.threshold
        let surrogate = self.surrogate
        let hardReset = self.hardReset, detach = detachReset
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * Self.chunk) { scratch in
            guard let gv = scratch.baseAddress else { return }
            let sg = gv + Self.chunk
            var start = 0
            while start < neurons {
                let width = Swift.min(Self.chunk, neurons &- start)
                gv.initialize(repeating: 0, count: width)
                var t = steps - 1
                while t >= 0 {
                    let row = t &* neurons &+ start
                    let gsRow = gs + row, hRow = h + row, sRow = s + row, gxRow = gx + row
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
}

extension LIFKernel {
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
        let scale = Vector(repeating: inputScale), keep = Vector(repeating: carry)
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
            let dh = Vector(repeating: gs[j]) * g
                + Vector(repeating: gv[j]) * membraneDerivative(Vector(repeating: s[j]), Vector(repeating: h[j]), g)
            gx[j] = dh[0] * inputScale
            gv[j] = dh[0] * carry
            j &+= 1
        }
    }
}

/// How the input enters the charge (8 lanes at a time).
protocol ChargeRule {
    static func charge(_ v: SIMD8<Float>, _ x: SIMD8<Float>, _ beta: SIMD8<Float>, _ leak: SIMD8<Float>) -> SIMD8<Float>
}
/// H = V + (X − V)/tau.
enum DecayInput: ChargeRule {
    @inline(__always)
    static func charge(_ v: SIMD8<Float>, _ x: SIMD8<Float>, _ beta: SIMD8<Float>, _ leak: SIMD8<Float>) -> SIMD8<Float> {
        v + (x - v) * leak
    }
}
/// H = beta·V + X.
enum PlainInput: ChargeRule {
    @inline(__always)
    static func charge(_ v: SIMD8<Float>, _ x: SIMD8<Float>, _ beta: SIMD8<Float>, _ leak: SIMD8<Float>) -> SIMD8<Float> {
        beta * v + x
    }
}

/// The membrane after a spike.
protocol ResetKind {
    static func reset(_ h: SIMD8<Float>, _ s: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMD8<Float>
}
/// V = H·(1 − S).
enum HardReset: ResetKind {
    @inline(__always)
    static func reset(_ h: SIMD8<Float>, _ s: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMD8<Float> { h - h * s }
}
/// V = H − S·V_th.
enum SubtractReset: ResetKind {
    @inline(__always)
    static func reset(_ h: SIMD8<Float>, _ s: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMD8<Float> { h - s * threshold }
}

/// The spike test.
protocol FiringTest {
    static func fires(_ h: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>>
}
/// H >= V_th.
enum AtOrAbove: FiringTest {
    @inline(__always)
    static func fires(_ h: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>> { h .>= threshold }
}
/// H > V_th.
enum Above: FiringTest {
    @inline(__always)
    static func fires(_ h: SIMD8<Float>, _ threshold: SIMD8<Float>) -> SIMDMask<SIMD8<Int32>> { h .> threshold }
}
