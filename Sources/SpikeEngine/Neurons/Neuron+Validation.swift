/// The checks every neuron family shares, each naming the argument at fault.
extension Neuron {
    /// Throws `.value` unless the threshold is finite and positive, V_reset is finite and below
    /// the threshold (else the neuron would fire on every step after its first spike), and the
    /// surrogate's parameter is valid.
    static func validate(threshold: Double, resetPotential: Double, surrogate: Surrogate) throws {
        guard threshold.isFinite, threshold > 0 else {
            throw EngineError.value(argument: .threshold, message: "must be a finite positive number, got \(threshold)")
        }
        guard resetPotential.isFinite, resetPotential < threshold else {
            throw EngineError.value(
                argument: .resetPotential, message: "must be a finite number below the threshold \(threshold), got \(resetPotential)")
        }
        try surrogate.validate()
    }
}
