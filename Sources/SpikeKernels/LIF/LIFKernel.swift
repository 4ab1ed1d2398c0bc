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
/// in explicit vectors: the forward is `LIFSweep` (`LIFVector`: 8 or 16 lanes), the backward is in
/// `LIFKernel+Backward.swift` (8 lanes). Each configuration gets its own generic
/// specialisation, so the inner loops are branch-free. Cost: O(T·N) time; the training forward
/// stores T·N charges.
public struct LIFKernel: Sendable {
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

    /// A kernel for one LIF configuration: beta = 1 − 1/tau, leak = 1/tau, the firing
    /// threshold V_th, whether the input decays (H = V + (X − V)/tau) or adds (H = beta·V + X),
    /// whether a spike resets to 0 or subtracts V_th, whether H = V_th fires, and whether the
    /// reset is detached from the gradient.
    public init(
        beta: Float, leak: Float, threshold: Float, decayInput: Bool, hardReset: Bool, atOrAbove: Bool,
        detachReset: Bool, surrogate: SurrogateKernel
    ) {
        self.beta = beta
        self.leak = leak
        self.threshold = threshold
        self.decayInput = decayInput
        self.hardReset = hardReset
        self.atOrAbove = atOrAbove
        self.detachReset = detachReset
        self.surrogate = surrogate
    }

    /// Spikes (0/1) for `input` of `steps` × `neurons`; when `charges` is given it receives H.
    /// A large block is split over `KernelThreads.count` threads by ranges of neurons (each
    /// neuron's recurrence is independent, so the result is the same bit for bit).
    public func forward(
        input: UnsafeBufferPointer<Float>, spikes: UnsafeMutableBufferPointer<Float>,
        charges: UnsafeMutableBufferPointer<Float>?, steps: Int, neurons: Int
    ) {
        guard steps > 0, neurons > 0, let x = input.baseAddress, let s = spikes.baseAddress else { return }
        let h = charges?.baseAddress
        KernelThreads.split(neurons: neurons, steps: steps) { start, count in
            forward(x + start, s + start, h.map { $0 + start }, steps: steps, neurons: count, stride: neurons)
        }
    }

    /// The forward of `neurons` neurons whose rows are `stride` apart (`s` may be `x` itself:
    /// each input is read before its spike is written).
    func forward(
        _ x: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>, _ h: UnsafeMutablePointer<Float>?, steps: Int,
        neurons: Int, stride: Int
    ) {
        switch (decayInput, hardReset, atOrAbove) {
        case (true, true, true): forward(DecayInput.self, HardReset.self, AtOrAbove.self, x, s, h, steps, neurons, stride)
        case (true, true, false): forward(DecayInput.self, HardReset.self, Above.self, x, s, h, steps, neurons, stride)
        case (true, false, true): forward(DecayInput.self, SubtractReset.self, AtOrAbove.self, x, s, h, steps, neurons, stride)
        case (true, false, false): forward(DecayInput.self, SubtractReset.self, Above.self, x, s, h, steps, neurons, stride)
        case (false, true, true): forward(PlainInput.self, HardReset.self, AtOrAbove.self, x, s, h, steps, neurons, stride)
        case (false, true, false): forward(PlainInput.self, HardReset.self, Above.self, x, s, h, steps, neurons, stride)
        case (false, false, true): forward(PlainInput.self, SubtractReset.self, AtOrAbove.self, x, s, h, steps, neurons, stride)
        case (false, false, false): forward(PlainInput.self, SubtractReset.self, Above.self, x, s, h, steps, neurons, stride)
        }
    }

    /// The forward for one configuration (see `LIFSweep`).
    @inline(__always)
    private func forward<C: ChargeRule, R: ResetKind, F: FiringTest>(
        _: C.Type, _: R.Type, _: F.Type, _ x: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>,
        _ h: UnsafeMutablePointer<Float>?, _ steps: Int, _ neurons: Int, _ stride: Int
    ) {
        LIFSweep<C, R, F>(
            x: x, s: s, h: h, steps: steps, neurons: neurons, stride: stride, beta: LIFVector(repeating: beta),
            leak: LIFVector(repeating: leak), threshold: LIFVector(repeating: threshold)
        ).run()
    }
}
