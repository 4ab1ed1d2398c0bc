import Foundation
import SpikeKernels
import TestSupport
import XCTest

@testable import SpikeEngine

final class SurrogateTests: XCTestCase {
    private let points: [Double] = [-2, -0.75, -0.5, -0.3, -0.1, 0, 0.05, 0.2, 0.49, 0.5, 0.9, 1.5]

    func testAtanMatchesItsFormulaAndIsOneAtZeroForAlphaTwo() {
        let alpha = 2.0
        let surrogate = Surrogate.atan(alpha: alpha)
        for x in points {
            let u = Double.pi / 2 * alpha * x
            XCTAssertEqual(surrogate.derivative(at: x), alpha / (2 * (1 + u * u)), accuracy: 1e-15)
        }
        XCTAssertEqual(surrogate.derivative(at: 0), 1)
        // Half maximum at |x| = 1/π for alpha = 2.
        XCTAssertEqual(surrogate.derivative(at: 1 / Double.pi), 0.5, accuracy: 1e-15)
    }

    func testEachSurrogateIsTheDerivativeOfItsPrimitive() {
        // Primitives g with g' the surrogate, differentiated by central differences.
        let cases: [(Surrogate, (Double) -> Double)] = [
            (.atan(alpha: 2), { atan(Double.pi / 2 * 2 * $0) / Double.pi + 0.5 }),
            (.sigmoid(alpha: 4), { 1 / (1 + exp(-4 * $0)) }),
            (.fastSigmoid(slope: 25), { 0.5 + $0 / (2 * (1 + 25 * abs($0))) * 2 }),
            (
                .triangle(width: 0.5),
                { x in
                    let w = 0.5
                    if x <= -w { return 0 }
                    if x >= w { return 1 }
                    return x < 0 ? (x + w) * (x + w) / (2 * w * w) : 1 - (w - x) * (w - x) / (2 * w * w)
                }
            ),
            (.rectangle(width: 1), { x in min(max(x + 0.5, 0), 1) })
        ]
        let h = 1e-6
        for (surrogate, primitive) in cases {
            for x in points where !(surrogate == .rectangle(width: 1) && abs(abs(x) - 0.5) < 1e-3) {
                let numeric = (primitive(x + h) - primitive(x - h)) / (2 * h)
                // Central differences are O(h) off where g'' jumps (x = 0 for fast-sigmoid and triangle).
                XCTAssertEqual(surrogate.derivative(at: x), numeric, accuracy: 1e-4, "\(surrogate) at \(x)")
            }
        }
    }

    func testTheFloat32KernelAgreesWithTheFloat64Formula() {
        let surrogates: [Surrogate] = [
            .atan(alpha: 2), .sigmoid(alpha: 4), .fastSigmoid(slope: 25), .triangle(width: 1), .rectangle(width: 1)
        ]
        for surrogate in surrogates {
            let kernel = SurrogateKernel(surrogate)
            // Charges h with threshold 1, so x = h − 1 runs over the probe points.
            let inputs = points.filter { abs(abs($0) - 0.5) > 1e-9 }
            let charges = inputs.map { Float($0) + 1 }
            var derivatives = [Float](repeating: 0, count: charges.count)
            charges.withUnsafeBufferPointer { h in
                derivatives.withUnsafeMutableBufferPointer { out in
                    kernel.derivatives(h.baseAddress!, minus: 1, into: out.baseAddress!, count: charges.count)
                }
            }
            for (index, h) in charges.enumerated() {
                XCTAssertEqual(
                    Double(derivatives[index]), surrogate.derivative(at: Double(h - 1)),
                    accuracy: 1e-6, "\(surrogate) at \(h - 1)")
            }
        }
    }

    func testANonPositiveParameterIsAValueErrorNamingIt() {
        XCTAssertThrowsError(try Surrogate.fastSigmoid(slope: 0).validate()) { error in
            guard case .value(argument: .slope, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Surrogate.atan(alpha: .nan).validate()) { error in
            guard case .value(argument: .alpha, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
