import TestSupport
import XCTest

@testable import SpikeEngine

final class OptimizerTests: XCTestCase {
    func testSGDWithMomentumFollowsItsRecurrence() throws {
        var sgd = try SGD(learningRate: 0.1, momentum: 0.5)
        var parameters = [Tensor([1, -2])]
        try sgd.step(&parameters, gradients: [Tensor([1, 1])])  // v = g = 1; θ = θ − 0.1
        assertClose(parameters[0].scalars.map(Double.init), [0.9, -2.1], absolute: 1e-6)
        try sgd.step(&parameters, gradients: [Tensor([1, 1])])  // v = 0.5 + 1 = 1.5; θ −= 0.15
        assertClose(parameters[0].scalars.map(Double.init), [0.75, -2.25], absolute: 1e-6)
    }

    func testAdamsFirstStepMovesEveryParameterByTheLearningRate() throws {
        // With bias correction, m̂ = g and v̂ = g², so the first step is lr · g/|g| (up to ε).
        var adam = try Adam(learningRate: 0.01)
        var parameters = [Tensor([1, 1, 1])]
        try adam.step(&parameters, gradients: [Tensor([3, -0.5, 100])])
        assertClose(parameters[0].scalars.map(Double.init), [0.99, 1.01, 0.99], absolute: 1e-6)
    }

    func testAdamMatchesAHandComputedSecondStep() throws {
        var adam = try Adam(learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        var parameters = [Tensor([0])]
        try adam.step(&parameters, gradients: [Tensor([1])])
        try adam.step(&parameters, gradients: [Tensor([2])])
        let m = 0.9 * 0.1 + 0.1 * 2
        let v = 0.999 * 0.001 + 0.001 * 4
        let mHat = m / (1 - 0.81)
        let vHat = v / (1 - 0.999 * 0.999)
        XCTAssertEqual(Double(parameters[0].scalars[0]), -0.1 - 0.1 * mHat / (vHat.squareRoot() + 1e-8), accuracy: 1e-6)
    }

    func testAdamWDecaysTheWeightsApartFromTheGradient() throws {
        var adamW = try Adam(learningRate: 0.1, weightDecay: 0.5, decoupledWeightDecay: true)
        var parameters = [Tensor([2])]
        try adamW.step(&parameters, gradients: [Tensor([0])])  // zero gradient: only θ −= lr·λ·θ
        XCTAssertEqual(parameters[0].scalars[0], 2 - 0.1 * 0.5 * 2, accuracy: 1e-6)
    }

    func testGradientsAboveTheNormAreScaledDownTogether() throws {
        let (clipped, norm) = try GradientClipping.clip([Tensor([3]), Tensor([4])], maxNorm: 1)
        XCTAssertEqual(norm, 5)
        XCTAssertEqual(Double(clipped[0].scalars[0]), 0.6, accuracy: 1e-6)
        XCTAssertEqual(Double(clipped[1].scalars[0]), 0.8, accuracy: 1e-6)
        let (kept, _) = try GradientClipping.clip([Tensor([0.3])], maxNorm: 1)
        XCTAssertEqual(kept[0].scalars, [0.3])
    }

    func testAMismatchedGradientShapeIsAShapeError() throws {
        var sgd = try SGD(learningRate: 0.1)
        var parameters = [Tensor([1, 2])]
        XCTAssertThrowsError(try sgd.step(&parameters, gradients: [Tensor([1])])) { error in
            XCTAssertEqual(error as? EngineError, .shape(operation: "optimizer step", first: [2], second: [1]))
        }
        XCTAssertThrowsError(try SGD(learningRate: -1)) { error in
            guard case .value(argument: .learningRate, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
