import XCTest

@testable import SpikeEngine

/// One block of a neuron golden file (scripts/golden_neurons.py, scripts/golden_snntorch.py):
/// its key → values lines, with [T, N] row-major arrays read per neuron.
struct GoldenNeuronBlock {
    let block: [String: [String]]
    let steps: Int, neurons: Int

    init(_ block: [String: [String]]) throws {
        self.block = block
        steps = try block.ints("steps")[0]
        neurons = try block.ints("neurons")[0]
    }

    /// The case's name.
    var name: String { block["case"]?.first ?? "?" }

    func values(_ key: String) throws -> [Double] { try block.doubles(key) }

    /// Column `j` of a [T, N] row-major golden array.
    func column(_ key: String, _ j: Int) throws -> [Double] {
        let all = try values(key)
        return (0..<steps).map { all[$0 * neurons + j] }
    }

    /// What a training run over this block's input gives: the spikes `run` fires, and the
    /// gradients of L = Σ c · S (c the block's `coefficients`) with the input variable `x`.
    struct TapeRun {
        let spikes: [Float]
        let gradients: Gradients
        let x: Variable
        let context: ForwardContext
    }

    /// Runs `run` on a fresh training tape over the block's [T, N] input, then takes L's gradients.
    func tapeRun(_ run: (Variable, ForwardContext) throws -> Variable) throws -> TapeRun {
        let shape = [steps, neurons]
        let tape = Tape()
        let context = ForwardContext(tape: tape, training: true)
        let x = tape.parameter(try Tensor(shape: shape, scalars: try values("input").map { Float($0) }))
        let coefficients = try Tensor(shape: shape, scalars: try values("coefficients").map { Float($0) })
        let spikes = try run(x, context)
        let loss = try tape.sum(tape.multiply(spikes, tape.constant(coefficients)))
        return TapeRun(spikes: spikes.value.scalars, gradients: try tape.gradients(of: loss), x: x, context: context)
    }
}
