import Foundation

/// A synthetic periodic series: variate j is a sine of its own period with a second harmonic
/// and Gaussian noise,
///
///     x_j(t) = a_j sin(2π t / P_j + φ_j) + 0.3 a_j sin(4π t / P_j + 2 φ_j) + 0.1 n_j(t)
///
/// with P_j ~ U(12, 96) steps, φ_j ~ U(0, 2π), a_j ~ U(0.5, 2) and n_j standard normal, all
/// drawn from `SeededGenerator(seed:)` in a fixed order. A quick, fully known forecasting task.
struct SinesGenerator {
    let variates: Int
    let seed: UInt64

    /// The series of `length` steps, columns `sine_1` ... `sine_N`.
    func series(length: Int) throws -> Series {
        var generator = SeededGenerator(seed: seed)
        let periods = (0..<variates).map { _ in 12 + 84 * generator.nextUnit() }
        let phases = (0..<variates).map { _ in 2 * Double.pi * generator.nextUnit() }
        let amplitudes = (0..<variates).map { _ in 0.5 + 1.5 * generator.nextUnit() }
        var values = [Float]()
        values.reserveCapacity(length * variates)
        for step in 0..<length {
            for j in 0..<variates {
                let angle = 2 * Double.pi * Double(step) / periods[j] + phases[j]
                let clean = amplitudes[j] * (sin(angle) + 0.3 * sin(2 * angle))
                values.append(Float(clean + 0.1 * generator.nextNormalPair().0))
            }
        }
        let columns = (1...variates).map { "sine_\($0)" }
        return try Series(name: "sines", columns: columns, values: values)
    }
}
