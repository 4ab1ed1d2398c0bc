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
///
/// `firstSpike` is this closed form decided exactly: the real-valued recurrence of the
/// neuron's own Float64 parameters, not the Float64 recurrence `simulate` runs, which rounds
/// (`lif(tau=2)` at current 1 is mathematically never; the rounded recurrence reaches the
/// threshold at step 54). docs/science.md §1 says where the two differ and why.
extension LIF {
    /// Up to this step the closed form's Float64 estimate is checked and corrected exactly
    /// (in `Dyadic` arithmetic, about 53 bits per step of β^t); beyond it the estimate stands.
    public static let exactBoundaryLimit = 4096

    /// Lemma 1's closed form evaluated in Float64, without any check: the step (1-based) of the
    /// first spike under constant `current`, or `nil` when the neuron never fires.
    ///
    /// Near a step boundary the logarithms may round to the neighbouring step; `firstSpike`
    /// settles those cases exactly.
    public func firstSpikeClosedForm(current: Double) -> Int? {
        let c = decayInput ? current * leak : current
        guard c.isFinite, c > 0 else { return nil }
        let real: Double
        if beta == 1 {
            real = threshold / c
        } else if beta == 0 {
            return fires(c) ? 1 : nil
        } else {
            // 1 − V_th (1 − β)/c, formed so that it does not cancel when c is close to
            // V_th (1 − β): (X − V_th)/X in the decay-input form (where c/(1 − β) = X).
            let remainder =
                decayInput ? (current - threshold) / current : (threshold * -(1 - beta)).addingProduct(1, c) / c
            guard remainder > 0 else { return nil }
            real = Foundation.log(remainder) / Foundation.log(beta)
        }
        guard real.isFinite, real < Double(Int.max / 2) else { return nil }
        let step = firing == .atOrAbove ? real.rounded(.up) : real.rounded(.down) + 1
        return Swift.max(1, Int(step))
    }

    /// Lemma 1: the step (1-based) of the first spike under constant `current`, or `nil` when
    /// the neuron never fires — the smallest t ≥ 1 whose membrane U[t] = c (1 − β^t)/(1 − β)
    /// passes the threshold, in exact arithmetic on the neuron's parameters (β = 1 − 1/tau
    /// and c = current/tau in the decay-input form, β = beta and c = current otherwise). It
    /// never fires when c ≤ V_th (1 − β), decided exactly. The Float64 logarithms give an
    /// estimate, which is checked and moved to the exact answer when it is at most
    /// `exactBoundaryLimit` steps.
    ///
    /// Cost: O((53·t)²) bit operations for an answer t ≤ `exactBoundaryLimit` (well under a
    /// millisecond at t = 200), O(1) beyond. A non-finite current is a value error naming
    /// `current`.
    public func firstSpike(current: Double) throws -> Int? {
        guard current.isFinite else {
            throw EngineError.value(argument: .current, message: "must be a finite number, got \(current)")
        }
        let lemma = ExactLemma(self, current: current)
        if lemma.passes(at: 1) { return 1 }
        // Below the threshold at step 1 with no positive drive, U[t] never rises.
        guard current > 0, threshold > 0 else { return nil }
        if beta == 0 { return nil }
        if beta < 1 || decayInput, !lemma.firesEventually { return nil }
        // Fires (decided exactly), so U[t] passes the threshold at some finite t; the Float64
        // estimate may be off by a step near a boundary. Nil here is a rounding at the edge.
        let estimate = firstSpikeClosedForm(current: current) ?? 2
        guard estimate <= Self.exactBoundaryLimit else { return estimate }
        return lemma.firstPassing(near: estimate, limit: Self.exactBoundaryLimit) ?? estimate
    }

}

/// Lemma 1's inequality for one neuron and a positive current, in exact dyadic arithmetic:
/// with β = 1 − leak (decay-input) or beta, U[t] ≥ V_th ⟺ X (1 − β^t) ≥ V_th (decay-input,
/// where c/(1 − β) = X) or X (1 − β^t) ≥ V_th (1 − β) (otherwise); X·t ≥ V_th when β = 1.
private struct ExactLemma {
    let neuron: LIF
    let current: Double

    init(_ neuron: LIF, current: Double) {
        self.neuron = neuron
        self.current = current
    }

    /// β as an exact dyadic: 1 − leak (exact, not the rounded `beta`) or `beta`.
    private var beta: Dyadic { neuron.decayInput ? Dyadic.one - Dyadic(neuron.leak) : Dyadic(neuron.beta) }

    /// The right-hand side: V_th, or V_th (1 − β).
    private var bound: Dyadic {
        neuron.decayInput ? Dyadic(neuron.threshold) : Dyadic(neuron.threshold) * (Dyadic.one - beta)
    }

    /// Whether the membrane passes the threshold at step `t` (before any spike), by the
    /// neuron's firing test. Exact for current > 0 and threshold > 0; otherwise only step 1
    /// is asked, and compared in Float64 as the neuron compares it.
    func passes(at t: Int) -> Bool {
        guard current > 0, neuron.threshold > 0 else {
            return neuron.fires(neuron.decayInput ? current * neuron.leak : current)
        }
        // Integrate-and-fire (β = 1 without input scaling): U[t] = X·t.
        let grown =
            !neuron.decayInput && neuron.beta == 1
            ? Dyadic(current) * Dyadic(Double(t)) : Dyadic(current) * (Dyadic.one - beta.power(t))
        let bound = !neuron.decayInput && neuron.beta == 1 ? Dyadic(neuron.threshold) : self.bound
        return neuron.firing == .atOrAbove ? grown >= bound : grown > bound
    }

    /// The first step that passes, searched from `guess` (U[t] only grows for a positive
    /// current): gallop to bracket it, then bisect; nil if it lies beyond `limit`.
    func firstPassing(near guess: Int, limit: Int) -> Int? {
        // Invariant: `low` does not pass (or is 0), `high` passes.
        var low = Swift.max(0, guess - 1)
        var high = Swift.max(1, guess)
        var gap = 1
        while low > 0, passes(at: low) {
            high = low
            low = Swift.max(0, low - gap)
            gap *= 2
        }
        gap = 1
        while !passes(at: high) {
            low = high
            high += gap
            gap *= 2
            if high > limit { return nil }
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if passes(at: middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Whether U[t] ever passes the threshold: its supremum X (or X/(1 − β)) lies above it.
    var firesEventually: Bool {
        Dyadic(current) > bound
    }
}
