import XCTest

@testable import SpikeEngine

/// Checks a whole layer's parameter gradients (as training binds them) against central finite
/// differences of L = Σ output · R for a fixed random R. Float layers only: spikes are steps.
func assertLayerGradientsMatchFiniteDifferences(
    _ layer: any Layer, input: Tensor, probes: Int = 12, step h: Float = 1e-2,
    absolute: Double = 2e-3, relative: Double = 2e-2, file: StaticString = #filePath, line: UInt = #line
) throws {
    let tape = Tape()
    let context = ForwardContext(tape: tape, training: false)
    let output = try layer.forward(tape.constant(input), in: context)
    let weights = try Tensor.randn(output.shape, seed: 99)
    let gradients = try tape.gradients(of: output, seed: weights)
    let analytic = context.boundParameters.map { gradients[$0] }
    XCTAssertEqual(analytic.count, layer.parameters.count, "every parameter is bound once", file: file, line: line)

    func loss(_ parameters: [Tensor]) throws -> Double {
        var probe = layer
        probe.parameters = parameters
        let probeTape = Tape(recording: false)
        let out = try probe.forward(probeTape.constant(input), in: ForwardContext(tape: probeTape, training: false))
        return zip(out.value.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    var generator = SeededGenerator(seed: 5)
    let parameters = layer.parameters
    for (index, parameter) in parameters.enumerated() {
        for _ in 0..<min(probes, parameter.count) {
            let position = Int(generator.next() % UInt64(parameter.count))
            var plus = parameters
            var minus = parameters
            plus[index].scalars[position] += h
            minus[index].scalars[position] -= h
            let numeric = (try loss(plus) - loss(minus)) / Double(2 * h)
            let exact = Double(analytic[index].scalars[position])
            let tolerance = absolute + relative * max(abs(numeric), abs(exact))
            if !(abs(numeric - exact) <= tolerance) {
                XCTFail("parameter \(index)[\(position)]: analytic \(exact) vs numeric \(numeric)", file: file, line: line)
                return
            }
        }
    }
}
