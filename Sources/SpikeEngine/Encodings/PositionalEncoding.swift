/// A positional encoding: how a network learns where in the sequence a token sits.
///
/// Each case carries its parameters (docs/science.md §2–3):
///
///     .cpg(pairs: 5, tau: 10_000, threshold: 0.8, index: .rolling)   // CPG-PE, 2·pairs spike channels
///     .cpgAdded(tau: 10_000, threshold: 0.8, index: .rolling)        // CPG-PE as wide as the input, added
///     .sinusoidal(base: 10_000)                                      // float sin/cos, added
///     .relative                                                      // Conv1d(k=3) → BN → LIF, added
///     .randomCode(channels: 10, seed: 0)                             // fixed ±1 code, concatenated
///     .learnable                                                     // one learned vector per position, added
///     .none
///
/// CPG-PE: with n = 2·pairs channels and omega_i = tau^(−2i/n),
/// P[p, 2i] = 1 if sin(p·omega_i) − theta >= 0, P[p, 2i+1] = 1 if cos(p·omega_i) − theta >= 0,
/// computed in Float32 as the reference does. Positions are p = t·L + l (`.rolling`, the
/// reference code's choice and Spike's default: the oscillator keeps running across SNN time
/// steps) or p = l (`.position`: the same code at every time step).
///
/// `.cpgAdded` is the reference's `pe_mode="add"` (docs/science.md §6): the same code with
/// as many channels as the input it is added to (n = D, odd D drops the last cosine), X + P.
public enum PositionalEncoding: Equatable, Sendable {
    /// Which position index a spike code is read at.
    public enum Index: String, Equatable, Sendable, CaseIterable {
        /// p = t·L + l: time step t of length-L sequences continues the oscillation.
        case rolling
        /// p = l: every time step sees the same code.
        case position
    }

    /// How an encoding joins the input features.
    public enum Joining: String, Equatable, Sendable {
        /// [X ; P] along features, followed by a linear layer back to the model width.
        case concatenate
        /// X + P (P has the model width).
        case add
        /// Nothing is joined.
        case nothing
    }

    case cpg(pairs: Int, tau: Double, threshold: Double, index: Index)
    case cpgAdded(tau: Double, threshold: Double, index: Index)
    case sinusoidal(base: Double)
    case relative
    case randomCode(channels: Int, seed: UInt64)
    case learnable
    case none

    /// CPG-PE as in the reference configuration: 5 pairs (10 channels), tau 10⁴, threshold 0.8, rolling.
    public static let standardCPG = PositionalEncoding.cpg(pairs: 5, tau: 10_000, threshold: 0.8, index: .rolling)

    /// How this encoding enters a network.
    public var joining: Joining {
        switch self {
        case .cpg, .randomCode: return .concatenate
        case .sinusoidal, .cpgAdded, .relative, .learnable: return .add
        case .none: return .nothing
        }
    }

    /// The number of channels it contributes, where fixed by its parameters (`nil` when the
    /// model width decides: sinusoidal, added CPG-PE, relative, learnable).
    public var fixedChannels: Int? {
        switch self {
        case .cpg(let pairs, _, _, _): return 2 * pairs
        case .randomCode(let channels, _): return channels
        case .none: return 0
        case .sinusoidal, .cpgAdded, .relative, .learnable: return nil
        }
    }

    /// Throws `.value` naming the first parameter out of its domain (pairs = 0, tau <= 0,
    /// threshold NaN, base <= 1, channels <= 0).
    public func validate() throws {
        switch self {
        case .cpg(let pairs, let tau, let threshold, _):
            guard pairs >= 1 else {
                throw EngineError.value(argument: .pairs, message: "must be at least 1, got \(pairs)")
            }
            try Self.validateOscillator(tau: tau, threshold: threshold)
        case .cpgAdded(let tau, let threshold, _):
            try Self.validateOscillator(tau: tau, threshold: threshold)
        case .sinusoidal(let base):
            guard base.isFinite, base > 0 else {
                throw EngineError.value(argument: .base, message: "must be a finite positive number, got \(base)")
            }
        case .randomCode(let channels, _):
            guard channels >= 1 else {
                throw EngineError.value(argument: .channels, message: "must be at least 1, got \(channels)")
            }
        case .relative, .learnable, .none:
            return
        }
    }

    private static func validateOscillator(tau: Double, threshold: Double) throws {
        guard tau.isFinite, tau > 0 else {
            throw EngineError.value(argument: .tau, message: "must be a finite positive number, got \(tau)")
        }
        guard threshold.isFinite else {
            throw EngineError.value(argument: .threshold, message: "must be a finite number, got \(threshold)")
        }
    }
}
