/// The spike test comparing a neuron's charge H with its threshold, chosen independently of the
/// reset rule; its raw value is how the language spells it (`fire=">="`, `fire=">"`).
public enum FiringRule: String, Equatable, Sendable, CaseIterable {
    /// S = 1 when H >= V_th (SpikingJelly's Heaviside with H(0) = 1).
    case atOrAbove = ">="
    /// S = 1 when H > V_th (snnTorch's `spike_grad(mem - threshold)`, whose forward is `x > 0`).
    case above = ">"

    /// The rule `lif()` pairs with each reset rule when none is given, as the reference library
    /// of each convention does: `.zero` → `>=` (SpikingJelly), otherwise `>` (snnTorch).
    public static func standard(for reset: ResetRule) -> FiringRule {
        reset == .zero ? .atOrAbove : .above
    }
}
