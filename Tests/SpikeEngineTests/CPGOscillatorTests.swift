import Foundation
import XCTest

@testable import SpikeEngine

final class CPGOscillatorTests: XCTestCase {
    func testRK4StaysWithinOneMillionthOfSineAndCosineOver5000Positions() throws {
        let pairs = 4
        let tau = 10_000.0
        let trace = try CPGOscillator.integrate(pairs: pairs, tau: tau, length: 5000, dt: 0.01)
        XCTAssertEqual(trace.shape, [5000, 8])
        var worst = 0.0
        for i in 0..<pairs {
            let omega = pow(tau, -2 * Double(i) / Double(2 * pairs))
            for p in 0..<5000 {
                worst = max(worst, abs(Double(trace.scalars[p * 8 + 2 * i]) - sin(omega * Double(p))))
                worst = max(worst, abs(Double(trace.scalars[p * 8 + 2 * i + 1]) - cos(omega * Double(p))))
            }
        }
        XCTAssertLessThan(worst, 1e-6)
    }

    func testTheOscillatorReproducesTheSinusoidalEncoding() throws {
        let trace = try CPGOscillator.integrate(pairs: 3, tau: 100, length: 64, dt: 0.01)
        let table = try PositionalEncoding.sinusoidal(base: 100).encode(length: 64, channels: 6)
        for (a, b) in zip(trace.scalars, table.scalars) {
            XCTAssertEqual(a, b, accuracy: 2e-5)
        }
    }

    func testTheOscillatorStopsWhenCancelled() {
        XCTAssertThrowsError(try CPGOscillator.integrate(pairs: 2, tau: 100, length: 100, dt: 0.1) { true }) { error in
            XCTAssertEqual(error as? EngineError, .interrupted)
        }
    }

    func testBadArgumentsAreValueErrorsNamingThem() {
        XCTAssertThrowsError(try CPGOscillator.integrate(pairs: 0, tau: 100, length: 4, dt: 0.1)) { error in
            guard case .value(argument: .pairs, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try CPGOscillator.integrate(pairs: 2, tau: 100, length: 4, dt: 0)) { error in
            guard case .value(argument: .dt, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
