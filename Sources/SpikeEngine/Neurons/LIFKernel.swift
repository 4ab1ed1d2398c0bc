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
/// Neurons are processed in chunks whose membranes stay in L1; each configuration gets its own
/// generic specialisation, so the inner loops are branch-free and vectorise. Cost: O(T·N)
/// time; the training forward stores T·N charges.
struct LIFKernel: Sendable {
    let beta: Float
    let leak: Float
    let threshold: Float
    let decayInput: Bool
    let hardReset: Bool
    let atOrAbove: Bool
    let detachReset: Bool
    let surrogate: SurrogateKernel

    /// Neurons per chunk: 1024 membranes (4 KiB) stay in L1 while T steps stream past.
    static let chunk = 1024

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

    @inline(__always)
    private func forward<C: ChargeRule, R: ResetKind, F: FiringTest>(
        _: C.Type, _: R.Type, _: F.Type, _ x: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>,
        _ h: UnsafeMutablePointer<Float>?, _ steps: Int, _ neurons: Int
    ) {
        let beta = self.beta, leak = self.leak, threshold = self.threshold
        withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.chunk) { membrane in
            guard let v = membrane.baseAddress else { return }
            var start = 0
            while start < neurons {
                let width = Swift.min(Self.chunk, neurons &- start)
                v.initialize(repeating: 0, count: width)
                for t in 0..<steps {
                    let row = t &* neurons &+ start
                    let xr = x + row, sr = s + row
                    if let h {
                        let hr = h + row
                        for j in 0..<width {
                            let charge = C.charge(v[j], xr[j], beta, leak)
                            let spike: Float = F.fires(charge, threshold) ? 1 : 0
                            hr[j] = charge
                            sr[j] = spike
                            v[j] = R.reset(charge, spike, threshold)
                        }
                    } else {
                        for j in 0..<width {
                            let charge = C.charge(v[j], xr[j], beta, leak)
                            let spike: Float = F.fires(charge, threshold) ? 1 : 0
                            sr[j] = spike
                            v[j] = R.reset(charge, spike, threshold)
                        }
                    }
                }
                start &+= width
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
                        for j in 0..<width {
                            let dh = gsRow[j] * sg[j] + gv[j] * (1 - sRow[j])
                            gxRow[j] = dh * inputScale
                            gv[j] = dh * carry
                        }
                    case (true, false):
                        for j in 0..<width {
                            let dh = gsRow[j] * sg[j] + gv[j] * (1 - sRow[j] - hRow[j] * sg[j])
                            gxRow[j] = dh * inputScale
                            gv[j] = dh * carry
                        }
                    case (false, true):
                        for j in 0..<width {
                            let dh = gsRow[j] * sg[j] + gv[j]
                            gxRow[j] = dh * inputScale
                            gv[j] = dh * carry
                        }
                    case (false, false):
                        for j in 0..<width {
                            let dh = gsRow[j] * sg[j] + gv[j] * (1 - threshold * sg[j])
                            gxRow[j] = dh * inputScale
                            gv[j] = dh * carry
                        }
                    }
                    t -= 1
                }
                start &+= width
            }
        }
    }
}

/// How the input enters the charge.
protocol ChargeRule { static func charge(_ v: Float, _ x: Float, _ beta: Float, _ leak: Float) -> Float }
/// H = V + (X − V)/tau.
enum DecayInput: ChargeRule {
    @inline(__always) static func charge(_ v: Float, _ x: Float, _ beta: Float, _ leak: Float) -> Float {
        v + (x - v) * leak
    }
}
/// H = beta·V + X.
enum PlainInput: ChargeRule {
    @inline(__always) static func charge(_ v: Float, _ x: Float, _ beta: Float, _ leak: Float) -> Float {
        beta * v + x
    }
}

/// The membrane after a spike.
protocol ResetKind { static func reset(_ h: Float, _ s: Float, _ threshold: Float) -> Float }
/// V = H·(1 − S).
enum HardReset: ResetKind {
    @inline(__always) static func reset(_ h: Float, _ s: Float, _ threshold: Float) -> Float { h - h * s }
}
/// V = H − S·V_th.
enum SubtractReset: ResetKind {
    @inline(__always) static func reset(_ h: Float, _ s: Float, _ threshold: Float) -> Float { h - s * threshold }
}

/// The spike test.
protocol FiringTest { static func fires(_ h: Float, _ threshold: Float) -> Bool }
/// H >= V_th.
enum AtOrAbove: FiringTest {
    @inline(__always) static func fires(_ h: Float, _ threshold: Float) -> Bool { h >= threshold }
}
/// H > V_th.
enum Above: FiringTest {
    @inline(__always) static func fires(_ h: Float, _ threshold: Float) -> Bool { h > threshold }
}
