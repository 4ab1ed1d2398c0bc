import TestSupport
import XCTest

@testable import SpikeEngine

final class LIFLayerTests: XCTestCase {
    /// Back-propagation through time written out for one neuron in Float64, straight from the
    /// equations in `LIF`'s doc comment: the oracle for the fused Float32 kernel.
    private func referenceGradient(_ neuron: LIF, input: [Double], upstream: [Double]) -> [Double] {
        let steps = input.count
        var charges = [Double]()
        var spikes = [Double]()
        var v = 0.0
        for x in input {
            let h = neuron.decayInput ? v + (x - v) * neuron.leak : neuron.beta * v + x
            let s: Double = (neuron.firing == .atOrAbove ? h >= neuron.threshold : h > neuron.threshold) ? 1 : 0
            charges.append(h)
            spikes.append(s)
            v = neuron.reset == .zero ? h * (1 - s) : h - s * neuron.threshold
        }
        var gradient = [Double](repeating: 0, count: steps)
        var dV = 0.0  // dL/dV[t]
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let g = neuron.surrogate.derivative(at: charges[t] - neuron.threshold)
            var dVdH = neuron.reset == .zero ? 1 - spikes[t] : 1
            if !neuron.detachReset {
                dVdH -= (neuron.reset == .zero ? charges[t] : neuron.threshold) * g
            }
            let dH = upstream[t] * g + dV * dVdH
            gradient[t] = dH * (neuron.decayInput ? neuron.leak : 1)
            dV = dH * (neuron.decayInput ? 1 - neuron.leak : neuron.beta)
        }
        return gradient
    }

    private func neurons() throws -> [LIF] {
        let surrogates: [Surrogate] = [
            .atan(alpha: 2), .sigmoid(alpha: 4), .fastSigmoid(slope: 25), .triangle(width: 1), .rectangle(width: 1)
        ]
        var result = [LIF]()
        for surrogate in surrogates {
            for detach in [true, false] {
                result.append(try LIF(tau: 2, detachReset: detach, surrogate: surrogate))
                result.append(try LIF(beta: 0.9, detachReset: detach, surrogate: surrogate))
                result.append(try LIF(beta: 1, reset: .zero, detachReset: detach, surrogate: surrogate))
            }
        }
        return result
    }

    func testTheFusedBackwardMatchesBackPropagationThroughTimeForEverySurrogateAndConvention() throws {
        let steps = 6
        let neurons = 40
        let input = try Tensor.randn([steps, neurons], seed: 21) * 0.8 + 0.9
        let upstream = try Tensor.randn([steps, neurons], seed: 22)
        for neuron in try self.neurons() {
            let tape = Tape()
            let x = tape.parameter(input)
            let spikes = try tape.lif(x, neuron: neuron)
            let gradient = try tape.gradients(of: spikes, seed: upstream)[x]
            for n in 0..<neurons {
                let column = (0..<steps).map { Double(input.scalars[$0 * neurons + n]) }
                let up = (0..<steps).map { Double(upstream.scalars[$0 * neurons + n]) }
                let expected = referenceGradient(neuron, input: column, upstream: up)
                let actual = (0..<steps).map { Double(gradient.scalars[$0 * neurons + n]) }
                assertClose(actual, expected, absolute: 1e-5, relative: 1e-4, "\(neuron) neuron \(n)")
            }
        }
    }

    func testTheLayerFiresExactlyLikeSimulateForEachNeuron() throws {
        let steps = 8
        let neurons = 30
        // Inputs on a 1/16 grid are exact in Float32 and Float64 alike, so both paths agree bit for bit.
        var generator = SeededGenerator(seed: 3)
        let values = (0..<(steps * neurons)).map { _ in Float(generator.next() % 48) / 16 }
        let input = try Tensor(shape: [steps, neurons], scalars: values)
        for neuron in [try LIF(tau: 2), try LIF(beta: 0.5), try LIF(beta: 1, reset: .zero)] {
            let spikes = try neuron.run(input)
            for n in 0..<neurons {
                let trace = neuron.simulate(input: (0..<steps).map { Double(values[$0 * neurons + n]) })
                XCTAssertEqual((0..<steps).map { spikes.scalars[$0 * neurons + n] == 1 }, trace.spikes)
            }
        }
    }

    /// 1111 neurons = two whole 512-neuron blocks and one of 87, which ends in single vectors
    /// and 7 neurons (1111 mod 8 and mod 16) run one at a time; 5 steps = two 2-step chunks and
    /// a 1-step one.
    private let wideSteps = 5, wideNeurons = 1111

    func testALayerWiderThanABlockFiresLikeSimulateInEveryLaneAndTimeChunk() throws {
        var generator = SeededGenerator(seed: 5)
        let values = (0..<(wideSteps * wideNeurons)).map { _ in Float(generator.next() % 40) / 16 }
        let input = try Tensor(shape: [wideSteps, wideNeurons], scalars: values)
        let neurons = [
            try LIF(tau: 2), try LIF(tau: 2, firing: .above), try LIF(beta: 0.5),
            try LIF(beta: 0.5, firing: .atOrAbove), try LIF(beta: 1, reset: .zero), try LIF(tau: 4, reset: .subtract)
        ]
        for neuron in neurons {
            let inferred = try neuron.run(input)
            let tape = Tape()
            let recorded = try tape.lif(tape.parameter(input), neuron: neuron).value
            XCTAssertEqual(recorded, inferred, "\(neuron)")
            for n in 0..<wideNeurons {
                let trace = neuron.simulate(input: (0..<wideSteps).map { Double(values[$0 * wideNeurons + n]) })
                let spikes = (0..<wideSteps).map { inferred.scalars[$0 * wideNeurons + n] == 1 }
                XCTAssertEqual(spikes, trace.spikes, "\(neuron) neuron \(n)")
            }
        }
    }

    func testTheFusedBackwardOfALayerWiderThanABlockMatchesBackPropagationThroughTime() throws {
        let input = try Tensor.randn([wideSteps, wideNeurons], seed: 31) * 0.8 + 0.9
        let upstream = try Tensor.randn([wideSteps, wideNeurons], seed: 32)
        for neuron in [try LIF(tau: 2, detachReset: false), try LIF(beta: 0.9, detachReset: false)] {
            let tape = Tape()
            let x = tape.parameter(input)
            let gradient = try tape.gradients(of: try tape.lif(x, neuron: neuron), seed: upstream)[x]
            for n in 0..<wideNeurons {
                let column = (0..<wideSteps).map { Double(input.scalars[$0 * wideNeurons + n]) }
                let up = (0..<wideSteps).map { Double(upstream.scalars[$0 * wideNeurons + n]) }
                let expected = referenceGradient(neuron, input: column, upstream: up)
                let actual = (0..<wideSteps).map { Double(gradient.scalars[$0 * wideNeurons + n]) }
                assertClose(actual, expected, absolute: 1e-5, relative: 1e-4, "\(neuron) neuron \(n)")
            }
        }
    }

    func testRecordingAndInferenceGiveTheSameSpikes() throws {
        let input = try Tensor.randn([4, 3, 50], seed: 8) + 1
        let neuron = try LIF(tau: 2)
        let tape = Tape()
        let recorded = try tape.lif(tape.parameter(input), neuron: neuron)
        XCTAssertEqual(recorded.value, try neuron.run(input))
        XCTAssertEqual(recorded.shape, [4, 3, 50])
    }

    func testAScalarInputIsAShapeError() {
        XCTAssertThrowsError(try LIF().run(Tensor(1))) { error in
            guard case .shape(operation: "lif", _, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
