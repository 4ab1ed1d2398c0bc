import Foundation
import XCTest

@testable import SpikeEngine

final class FirstSpikeTests: XCTestCase {
    /// Neurons of both conventions over a grid of decays and thresholds.
    private func neurons() throws -> [LIF] {
        var result = [LIF]()
        for beta in [0.0, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0] {
            for threshold in [0.25, 1.0, 1.5] {
                result.append(try LIF(beta: beta, threshold: threshold))  // subtract, `>`
                result.append(try LIF(beta: beta, threshold: threshold, reset: .zero))  // hard, `>=`
                if beta < 1 {
                    result.append(try LIF(beta: beta, threshold: threshold, reset: .zero, decayInput: true))
                }
            }
        }
        for tau in [1.0, 2.0, 3.0, 10.0] {
            result.append(try LIF(tau: tau))
        }
        return result
    }

    /// Currents around every step boundary: the c with U[t] = V_th exactly in real arithmetic
    /// for t = 1…20, nudged by two ulps either way, plus a coarse sweep.
    private func currents(for neuron: LIF) -> [Double] {
        let scale = neuron.decayInput ? neuron.leak : 1
        var values = stride(from: 0.01, through: 3.0, by: 0.061).map { $0 }
        for t in 1...20 {
            let gain = neuron.beta == 1 ? Double(t) : (1 - Foundation.pow(neuron.beta, Double(t))) / (1 - neuron.beta)
            let boundary = neuron.threshold / gain / scale
            var nudged = boundary
            values.append(boundary)
            for _ in 0..<2 {
                nudged = nudged.nextUp
                values.append(nudged)
            }
            nudged = boundary
            for _ in 0..<2 {
                nudged = nudged.nextDown
                values.append(nudged)
            }
        }
        // The never-fires edge: c = V_th (1 − beta) and its neighbours.
        if neuron.beta < 1 {
            let edge = neuron.threshold * (1 - neuron.beta) / scale
            values += [edge, edge.nextUp, edge.nextDown, edge * (1 + 1e-12)]
        }
        return values
    }

    func testFirstSpikeEqualsTheSimulatedFirstSpikeAwayFromBoundariesAndDiffersByRoundingOnly() throws {
        // The lemma is exact (scripts/golden_first_spike.py checks it against Python's exact
        // rationals); the simulation rounds. Away from a step boundary they must agree; next to
        // one (within 1e-9) they may differ, by one step, or where the Float64 fixed point
        // rounds up to the threshold (the lemma: never).
        var checked = 0
        var differing = 0
        for neuron in try neurons() {
            let boundaries = currents(for: neuron)
            for current in boundaries {
                let predicted = try neuron.firstSpike(current: current)
                let scale = neuron.decayInput ? neuron.leak : 1
                let edge = neuron.threshold * (1 - neuron.beta) / scale
                let nearEdge = abs(current - edge) <= 0.01 * edge
                let horizon = predicted.map { $0 + 2 } ?? (nearEdge ? 20_000 : 2_000)
                let simulated = try neuron.simulate(current: current, steps: horizon).firstSpike
                checked += 1
                guard predicted != simulated else { continue }
                differing += 1
                let onBoundary = boundaries.contains { $0 != current && abs($0 - current) <= 1e-9 * abs(current) }
                XCTAssertTrue(
                    onBoundary || nearEdge,
                    "\(neuron) current \(current): \(String(describing: predicted)) vs \(String(describing: simulated))")
                // Near the edge c ≈ V_th (1 − β) the rounded recurrence creeps for hundreds of steps,
                // so its error is not bounded by a step there.
                if let predicted, let simulated, !nearEdge {
                    XCTAssertEqual(abs(predicted - simulated), 1, "\(neuron) current \(current)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 5_000)
        XCTAssertGreaterThan(differing, 0, "the grid includes boundaries where rounding decides")
    }

    func testLemmaOneGivesTheStepsOfTheReferenceExamples() throws {
        // SpikingJelly form, tau = 2, V_th = 1: x = 1.2 -> 3, x = 1.5 -> 2, x = 2 -> 1, x < 1 never.
        let jelly = try LIF(tau: 2)
        XCTAssertEqual(try jelly.firstSpike(current: 1.2), 3)
        XCTAssertEqual(try jelly.firstSpike(current: 1.5), 2)
        XCTAssertEqual(try jelly.firstSpike(current: 2), 1)
        XCTAssertNil(try jelly.firstSpike(current: 0.9))
        // snnTorch form, beta = 0.99: x = 0.05 -> 23, x = 0.2 -> 6.
        let torch = try LIF(beta: 0.99)
        XCTAssertEqual(try torch.firstSpike(current: 0.05), 23)
        XCTAssertEqual(try torch.firstSpike(current: 0.2), 6)
        XCTAssertNil(try torch.firstSpike(current: 0.01))
    }

    func testAnExactBoundaryFiresUnderAtOrAboveAndOneStepLaterUnderAbove() throws {
        // beta = 0.5, c = 0.5: U = 0.5, 0.75, 0.875 — exactly representable; V_th = 0.75.
        let atOrAbove = try LIF(beta: 0.5, threshold: 0.75, reset: .zero)
        let above = try LIF(beta: 0.5, threshold: 0.75, reset: .subtract)
        XCTAssertEqual(try atOrAbove.firstSpike(current: 0.5), 2)
        XCTAssertEqual(try above.firstSpike(current: 0.5), 3)
        XCTAssertEqual(atOrAbove.firstSpikeClosedForm(current: 0.5), 2)
        XCTAssertEqual(above.firstSpikeClosedForm(current: 0.5), 3)
    }

    func testAtTheFixedPointEdgeTheLemmaSaysNeverWhereTheRoundedSimulationFires() throws {
        // x = V_th: in real numbers U[t] = 1 − 2^−t never reaches 1 (the lemma: never), but
        // Float64 rounds it to exactly 1 after 53 halvings, and `>=` fires at step 54.
        let jelly = try LIF(tau: 2)
        XCTAssertNil(jelly.firstSpikeClosedForm(current: 1))
        XCTAssertNil(try jelly.firstSpike(current: 1))
        XCTAssertEqual(try jelly.simulate(current: 1, steps: 200).firstSpike, 54)
    }

    func testTheClosedFormAgreesWithTheCheckedAnswerAwayFromBoundaries() throws {
        let neuron = try LIF(beta: 0.9)
        for current in stride(from: 0.105, through: 2.0, by: 0.01) {
            XCTAssertEqual(neuron.firstSpikeClosedForm(current: current), try neuron.firstSpike(current: current))
        }
    }

    func testANonFiniteCurrentIsAValueErrorNamingCurrent() {
        XCTAssertThrowsError(try LIF().firstSpike(current: .infinity)) { error in
            guard case .value(argument: .current, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
