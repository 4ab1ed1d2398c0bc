import XCTest

@testable import SpikeEngine

/// Checks a tape op's VJP against central finite differences.
///
/// The scalar probed is L = Σ out · R with a fixed random R, so every output entry matters
/// with a different weight. Forward values are Float32, so the differences use a step
/// h = 1e-2 and accumulate L in Float64: the truncation error is O(h²)·|f'''| ≈ 1e-4 and the
/// rounding error about ε₃₂·|L|/h ≈ 1e-5·|L|, which the tolerance (absolute 2e-3, relative
/// 2e-2) covers with room, while a wrong rule (a missing factor or a transposed term) is off
/// by O(1).
func assertGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], probes: Int = 24, step h: Float = 1e-2,
    absolute: Double = 2e-3, relative: Double = 2e-2,
    file: StaticString = #filePath, line: UInt = #line,
    _ function: (Tape, [Variable]) throws -> Variable
) throws {
    let tape = Tape()
    let variables = inputs.map { tape.parameter($0) }
    let output = try function(tape, variables)
    let weights = try Tensor.randn(output.shape, seed: 99)
    let gradients = try tape.gradients(of: output, seed: weights)

    func loss(_ values: [Tensor]) throws -> Double {
        let probeTape = Tape(recording: false)
        let out = try function(probeTape, values.map { probeTape.constant($0) })
        return zip(out.value.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    var generator = SeededGenerator(seed: 5)
    for (index, input) in inputs.enumerated() {
        let analytic = gradients[variables[index]]
        XCTAssertEqual(analytic.shape, input.shape, "gradient shape of input \(index)", file: file, line: line)
        let positions =
            input.count <= probes
            ? Array(0..<input.count)
            : (0..<probes).map { _ in Int(generator.next() % UInt64(input.count)) }
        for position in positions {
            var plus = inputs
            var minus = inputs
            plus[index].scalars[position] += h
            minus[index].scalars[position] -= h
            let numeric = (try loss(plus) - loss(minus)) / Double(2 * h)
            let exact = Double(analytic.scalars[position])
            let tolerance = absolute + relative * max(abs(numeric), abs(exact))
            if !(abs(numeric - exact) <= tolerance) {
                XCTFail("input \(index)[\(position)]: analytic \(exact) vs numeric \(numeric)", file: file, line: line)
                return
            }
        }
    }
}

/// Checks that a layer's gradients with respect to its input and to each of its parameters
/// (through the context's bindings) match central finite differences of L = Σ out · R, with the
/// tolerances justified above.
func assertLayerGradientsMatchFiniteDifferences(
    _ layer: any Layer, input: Tensor, training: Bool, probes: Int = 12, step h: Float = 1e-2,
    file: StaticString = #filePath, line: UInt = #line
) throws {
    let context = ForwardContext(tape: Tape(), training: training, seed: 1)
    let x = context.tape.parameter(input)
    let output = try layer.forward(x, in: context)
    let weights = try Tensor.randn(output.shape, seed: 98)
    let gradients = try context.tape.gradients(of: output, seed: weights)
    XCTAssertEqual(context.boundParameters.count, layer.parameters.count, "\(layer)", file: file, line: line)

    func loss(_ layer: any Layer, _ input: Tensor) throws -> Double {
        let probe = ForwardContext(tape: Tape(recording: false), training: training, seed: 1)
        let out = try layer.forward(probe.tape.constant(input), in: probe)
        return zip(out.value.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    func check(_ analytic: Float, _ plus: Double, _ minus: Double, _ what: String) {
        let numeric = (plus - minus) / Double(2 * h)
        let tolerance = 2e-3 + 2e-2 * max(abs(numeric), abs(Double(analytic)))
        if !(abs(numeric - Double(analytic)) <= tolerance) {
            XCTFail(
                "\(type(of: layer)) training \(training) \(what): analytic \(analytic) vs numeric \(numeric)",
                file: file, line: line)
        }
    }
    var generator = SeededGenerator(seed: 6)
    let inputGradient = gradients[x]
    for _ in 0..<probes {
        let position = Int(generator.next() % UInt64(input.count))
        var plus = input
        var minus = input
        plus.scalars[position] += h
        minus.scalars[position] -= h
        check(inputGradient.scalars[position], try loss(layer, plus), try loss(layer, minus), "input[\(position)]")
    }
    for (index, bound) in context.boundParameters.enumerated() {
        let gradient = gradients[bound]
        for _ in 0..<probes {
            let position = Int(generator.next() % UInt64(gradient.count))
            var plus = layer
            var minus = layer
            var raised = layer.parameters
            var lowered = layer.parameters
            raised[index].scalars[position] += h
            lowered[index].scalars[position] -= h
            plus.parameters = raised
            minus.parameters = lowered
            check(gradient.scalars[position], try loss(plus, input), try loss(minus, input), "parameter \(index)[\(position)]")
        }
    }
}
