/// The neuron as a pure step, `(input, state) -> (spike, charge, state)`, in Float64 for
/// `simulate` and `firstSpike`, and in Float32 for the fused layer kernels.
extension LIF {
    /// The charge H[t] from the previous membrane V[t-1] and the input X[t].
    @inline(__always)
    public func charge(membrane v: Double, input x: Double) -> Double {
        decayInput ? v + (x - v) * leak : beta * v + x
    }

    /// Whether the charge `h` fires.
    @inline(__always)
    public func fires(_ h: Double) -> Bool {
        firing == .atOrAbove ? h >= threshold : h > threshold
    }

    /// The membrane after the reset rule, given the charge and whether it fired.
    @inline(__always)
    public func membraneAfterReset(charge h: Double, spiked: Bool) -> Double {
        guard spiked else { return h }
        return reset == .zero ? 0 : h - threshold
    }

    /// One time step: the spike, the charge H[t] and the new membrane V[t].
    @inline(__always)
    public func step(input x: Double, membrane v: Double) -> (spike: Bool, charge: Double, membrane: Double) {
        let h = charge(membrane: v, input: x)
        let spiked = fires(h)
        return (spiked, h, membraneAfterReset(charge: h, spiked: spiked))
    }
}
