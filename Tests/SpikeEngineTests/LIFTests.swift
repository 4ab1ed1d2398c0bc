import TestSupport
import XCTest

@testable import SpikeEngine

final class LIFTests: XCTestCase {
    func testTheDecayInputNeuronHalvesTheGapToItsInputAndResetsToZero() throws {
        // tau = 2: H = V + (X - V)/2. Input 1.2: 0.6, 0.9, 1.05 (spike, V = 0), 0.6, 0.9, 1.05, ...
        let trace = try LIF(tau: 2).simulate(input: [Double](repeating: 1.2, count: 6))
        assertClose(trace.charge, [0.6, 0.9, 1.05, 0.6, 0.9, 1.05], absolute: 1e-12)
        assertClose(trace.membrane, [0.6, 0.9, 0, 0.6, 0.9, 0], absolute: 1e-12)
        XCTAssertEqual(trace.spikes, [false, false, true, false, false, true])
        XCTAssertEqual(trace.spikeSteps, [3, 6])
    }

    func testTheDecayInputNeuronFiresWhenTheChargeEqualsTheThreshold() throws {
        // Input 2: H[1] = 1.0 exactly, and `>=` fires.
        let trace = try LIF(tau: 2).simulate(input: [2, 0.5])
        XCTAssertEqual(trace.charge, [1, 0.25])
        XCTAssertEqual(trace.spikes, [true, false])
    }

    func testTheSubtractNeuronDecaysByBetaAndSubtractsTheThreshold() throws {
        // beta = 0.5, no input scaling: 0.5, 0.75, 0.875, 0.9375 ... with input 0.5; add 0.625 at step 3.
        let trace = try LIF(beta: 0.5).simulate(input: [0.5, 0.5, 0.625, 0.5])
        // H: 0.5, 0.75, 1.0 (not > 1), V = 1.0 -> H4 = 0.5 + 0.5 = 1.0 again, no spike.
        XCTAssertEqual(trace.charge, [0.5, 0.75, 1.0, 1.0])
        XCTAssertEqual(trace.spikes, [false, false, false, false])
        let firing = try LIF(beta: 0.5).simulate(input: [0.5, 1.0, 0.25])
        // H: 0.5, 1.25 (> 1: spike, V = 0.25), 0.125 + 0.25 = 0.375.
        XCTAssertEqual(firing.charge, [0.5, 1.25, 0.375])
        XCTAssertEqual(firing.membrane, [0.5, 0.25, 0.375])
        XCTAssertEqual(firing.spikes, [false, true, false])
    }

    func testTheReferenceDefaultsAreTheTwoConventions() throws {
        let jelly = try LIF()
        XCTAssertEqual(jelly.beta, 0.5)
        XCTAssertEqual(jelly.reset, .zero)
        XCTAssertEqual(jelly.firing, .atOrAbove)
        XCTAssertTrue(jelly.decayInput)
        XCTAssertTrue(jelly.detachReset)
        XCTAssertEqual(jelly.surrogate, .atan(alpha: 2))
        let torch = try LIF(beta: 0.99)
        XCTAssertEqual(torch.reset, .subtract)
        XCTAssertEqual(torch.firing, .above)
        XCTAssertFalse(torch.decayInput)
    }

    func testIntegrateAndFireIsBetaOne() throws {
        let trace = try LIF(beta: 1, reset: .zero).simulate(input: [0.25, 0.25, 0.25, 0.25, 0.25])
        XCTAssertEqual(trace.charge, [0.25, 0.5, 0.75, 1.0, 0.25])
        XCTAssertEqual(trace.spikes, [false, false, false, true, false])
    }

    func testBadParametersAreValueErrorsNamingTheArgument() {
        func argument(_ make: () throws -> LIF) -> EngineParameter? {
            do {
                _ = try make()
                return nil
            } catch let EngineError.value(argument, _) {
                return argument
            } catch {
                XCTFail("not a value error: \(error)")
                return nil
            }
        }
        XCTAssertEqual(argument { try LIF(tau: -2) }, .tau)
        XCTAssertEqual(argument { try LIF(tau: 0.5) }, .tau)
        XCTAssertEqual(argument { try LIF(beta: 1.5) }, .beta)
        XCTAssertEqual(argument { try LIF(threshold: .nan) }, .threshold)
        XCTAssertEqual(argument { try LIF(threshold: -1) }, .threshold)
        XCTAssertEqual(argument { try LIF(beta: 1, decayInput: true) }, .decayInput)
        XCTAssertEqual(argument { try LIF(surrogate: .triangle(width: -1)) }, .width)
    }

    func testSimulatingANegativeNumberOfStepsIsAValueError() {
        XCTAssertThrowsError(try LIF().simulate(current: 1, steps: -1)) { error in
            guard case .value(argument: .steps, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
