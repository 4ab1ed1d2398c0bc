/// How a neuron's membrane is reset after a spike (docs/science.md §1).
public enum ResetRule: String, Equatable, Sendable, CaseIterable {
    /// V = H · (1 − S) + V_reset · S: a hard reset (to 0 for LIF, to V_reset for IF and PLIF).
    case zero
    /// V = H − S · V_th: subtract the threshold.
    case subtract
    /// V = H: no reset, the membrane keeps integrating (snnTorch's `reset_mechanism="none"`).
    /// `LIF` has no such mode (its fused kernels reset); `Leaky`, IF and PLIF offer it.
    case none
}
