import SpikeKernels
import XCTest

/// The fused LIF kernel on raw buffers, against the recurrence written out one neuron and one
/// step at a time (the oracle), for every configuration.
final class LIFKernelTests: XCTestCase {
    /// Inputs in [−0.5, 2.5) from a fixed linear congruential sequence, so many charges land near 1.
    private func inputs(_ count: Int) -> [Float] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 3 - 0.5
        }
    }

    /// Spikes and charges of `steps` × `neurons` LIF neurons, scalar by scalar.
    private func oracle(
        _ x: [Float], steps: Int, neurons: Int, beta: Float, leak: Float, threshold: Float,
        decayInput: Bool, hardReset: Bool, atOrAbove: Bool
    ) -> (spikes: [Float], charges: [Float]) {
        var spikes = [Float](repeating: 0, count: x.count)
        var charges = spikes
        for j in 0..<neurons {
            var v: Float = 0
            for t in 0..<steps {
                let i = t * neurons + j
                let h = decayInput ? v + (x[i] - v) * leak : beta * v + x[i]
                let fired = atOrAbove ? h >= threshold : h > threshold
                charges[i] = h
                spikes[i] = fired ? 1 : 0
                v = hardReset ? (fired ? 0 : h) : h - (fired ? threshold : 0)
            }
        }
        return (spikes, charges)
    }

    func testTheForwardEqualsTheScalarRecurrenceForEveryConfiguration() {
        // 5 steps (more than one chunk of 2) and 1037 neurons (several 512-neuron blocks, four-vector
        // groups, single vectors and a scalar tail).
        let steps = 5
        let neurons = 1037
        let x = inputs(steps * neurons)
        for decayInput in [true, false] {
            for hardReset in [true, false] {
                for atOrAbove in [true, false] {
                    let kernel = LIFKernel(
                        beta: 0.75, leak: 0.25, threshold: 1, decayInput: decayInput, hardReset: hardReset,
                        atOrAbove: atOrAbove, detachReset: true, surrogate: SurrogateKernel(form: .atan, a: 1, b: 1))
                    var spikes = [Float](repeating: -1, count: x.count)
                    var charges = spikes
                    x.withUnsafeBufferPointer { input in
                        spikes.withUnsafeMutableBufferPointer { s in
                            charges.withUnsafeMutableBufferPointer { h in
                                kernel.forward(input: input, spikes: s, charges: h, steps: steps, neurons: neurons)
                            }
                        }
                    }
                    let expected = oracle(
                        x, steps: steps, neurons: neurons, beta: 0.75, leak: 0.25, threshold: 1,
                        decayInput: decayInput, hardReset: hardReset, atOrAbove: atOrAbove)
                    let label = "decayInput \(decayInput), hardReset \(hardReset), atOrAbove \(atOrAbove)"
                    XCTAssertEqual(spikes, expected.spikes, label)
                    XCTAssertEqual(charges, expected.charges, label)
                    XCTAssertGreaterThan(spikes.reduce(0, +), 0, "some neurons fire: \(label)")
                }
            }
        }
    }

    func testABlockSplitOverThreadsGivesTheOracleAndTheSameGradientAsOneThread() {
        // 3 steps × 400,003 neurons: above the split threshold, with a tail no part divides.
        let steps = 3
        let neurons = 400_003
        let x = inputs(steps * neurons)
        let upstream = inputs(steps * neurons).map { $0 - 1 }
        let kernel = LIFKernel(
            beta: 0.5, leak: 0.5, threshold: 1, decayInput: true, hardReset: true, atOrAbove: true, detachReset: false,
            surrogate: SurrogateKernel(form: .atan, a: 2, b: 1))
        func run(threads: Int) -> (spikes: [Float], charges: [Float], gradient: [Float]) {
            KernelThreads.set(threads)
            defer { KernelThreads.set(1) }
            var spikes = [Float](repeating: -1, count: x.count)
            var charges = spikes
            var gradient = spikes
            x.withUnsafeBufferPointer { input in
                spikes.withUnsafeMutableBufferPointer { s in
                    charges.withUnsafeMutableBufferPointer { h in
                        kernel.forward(input: input, spikes: s, charges: h, steps: steps, neurons: neurons)
                    }
                }
            }
            upstream.withUnsafeBufferPointer { g in
                charges.withUnsafeBufferPointer { h in
                    spikes.withUnsafeBufferPointer { s in
                        gradient.withUnsafeMutableBufferPointer { gx in
                            kernel.backward(gradient: g, charges: h, spikes: s, inputGradient: gx, steps: steps, neurons: neurons)
                        }
                    }
                }
            }
            return (spikes, charges, gradient)
        }
        let one = run(threads: 1)
        let two = run(threads: 2)
        let expected = oracle(
            x, steps: steps, neurons: neurons, beta: 0.5, leak: 0.5, threshold: 1, decayInput: true, hardReset: true,
            atOrAbove: true)
        XCTAssertEqual(two.spikes, expected.spikes)
        XCTAssertEqual(two.charges, expected.charges)
        XCTAssertEqual(two.gradient, one.gradient, "each neuron's gradient is its own: a split changes no bit")
        XCTAssertFalse(two.gradient.contains(-1), "every neuron's gradient is written")
    }
}
