import XCTest

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
}
