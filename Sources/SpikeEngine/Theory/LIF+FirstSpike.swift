import Foundation

/// Lemma 1: the first spike of a neuron under constant current.
///
/// Before its first spike the neuron never resets, so U[t] = beta·U[t-1] + c with U[0] = 0,
/// where c = I (no input scaling) or c = I/tau (decay-input). Hence
///
///     U[t] = c (1 − beta^t) / (1 − beta)        (U[t] = c·t when beta = 1)
///     t*   = ceil( ln(1 − V_th (1 − beta) / c) / ln(beta) )     for the `>=` test,
///
/// the smallest t >= 1 with U[t] >= V_th, and no spike at all when c <= V_th (1 − beta).
/// For the strict `>` test t* = floor(…) + 1.
extension LIF {
    /// The largest step count `firstSpike` checks against the recurrence; beyond it the closed
    /// form is returned unchecked.
    public static let firstSpikeCheckLimit = 50_000_000

    /// Lemma 1's closed form evaluated in Float64, without any check: the step (1-based) of the
    /// first spike under constant `current`, or `nil` when the neuron never fires.
    ///
    /// Near a step boundary the logarithms may round to the neighbouring step; `firstSpike`
    /// settles those cases against the recurrence.
    public func firstSpikeClosedForm(current: Double) -> Int? {
        let c = decayInput ? current * leak : current
        guard c.isFinite, c > 0 else { return nil }
        let real: Double
        if beta == 1 {
            real = threshold / c
        } else if beta == 0 {
            return fires(c) ? 1 : nil
        } else {
            let ratio = threshold * (1 - beta) / c
            guard ratio < 1 else { return nil }
            real = Foundation.log(1 - ratio) / Foundation.log(beta)
        }
        guard real.isFinite, real < Double(Int.max / 2) else { return nil }
        let step = firing == .atOrAbove ? real.rounded(.up) : real.rounded(.down) + 1
        return Swift.max(1, Int(step))
    }

    /// The step (1-based) of the first spike under constant `current`, or `nil` when it never
    /// fires: Lemma 1's closed form, settled against the neuron's own recurrence in the same
    /// Float64 arithmetic as `simulate`, so the two agree exactly, step boundaries included.
    ///
    /// Cost: O(t*) for the check (at most `firstSpikeCheckLimit` steps); a non-finite current
    /// is a value error naming `current`.
    public func firstSpike(current: Double) throws -> Int? {
        guard current.isFinite else {
            throw EngineError.value(argument: .current, message: "must be a finite number, got \(current)")
        }
        let closed = firstSpikeClosedForm(current: current)
        if let closed, closed > Self.firstSpikeCheckLimit {
            return closed
        }
        if closed == nil, !mayFireNearFixedPoint(current: current) {
            return nil
        }
        // The recurrence, exactly as `simulate` runs it, up to the first spike or the fixed point.
        var u = 0.0
        for t in 1...Self.firstSpikeCheckLimit {
            let h = charge(membrane: u, input: current)
            if fires(h) { return t }
            if h == u { return nil }  // fixed point below threshold: it never fires
            u = h
        }
        return closed
    }

    /// Whether rounding could lift the recurrence's fixed point c/(1 − beta) to the threshold
    /// although the real-valued fixed point lies below or on it.
    private func mayFireNearFixedPoint(current: Double) -> Bool {
        let c = decayInput ? current * leak : current
        guard c > 0, beta < 1 else { return false }
        let fixedPoint = c / (1 - beta)
        return fixedPoint >= threshold * (1 - 1e-9)
    }
}
