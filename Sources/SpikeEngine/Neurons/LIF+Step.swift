/// The LIF charge and its partials, in Float64 for `simulate`, `firstSpike` and the generic
/// path; the fused layer kernels (`LIFKernel`) run the same recurrence in Float32. Firing and
/// reset are `Neuron`'s.
extension LIF {
    /// The charge H[t] from the previous membrane V[t-1] and the input X[t].
    @inline(__always)
    public func charge(membrane v: Double, input x: Double) -> Double {
        decayInput ? v + (x - v) * leak : beta * v + x
    }

    /// ∂H/∂V = 1 − 1/tau or beta, ∂H/∂X = 1/tau or 1 (no trainable parameters).
    public func chargePartials(membrane v: Double, input x: Double) -> ChargePartials {
        decayInput ? ChargePartials(membrane: 1 - leak, input: leak) : ChargePartials(membrane: beta, input: 1)
    }
}
