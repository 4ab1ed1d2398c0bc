/// The spike test comparing a neuron's charge H with its threshold.
public enum FiringRule: String, Equatable, Sendable, CaseIterable {
    /// S = 1 when H >= V_th (SpikingJelly's Heaviside with H(0) = 1).
    case atOrAbove
    /// S = 1 when H > V_th (snnTorch's strict test).
    case above

    /// The rule each reset rule uses in the reference libraries.
    public static func standard(for reset: ResetRule) -> FiringRule {
        reset == .zero ? .atOrAbove : .above
    }
}
