import Foundation

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same numbers
/// on every run, which is what makes a notebook reproducible.
///
/// It is a value: copying it forks the stream. Normal samples use the Box–Muller transform in
/// Float64, rounded to Float32 at the end. Cost: O(1) per number.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose stream depends only on `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float64 in the half-open interval [0, 1), with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A pair of independent standard normal samples (Box–Muller).
    public mutating func nextNormalPair() -> (Double, Double) {
        let u1 = 1 - nextUnit()  // (0, 1]: the logarithm stays finite
        let u2 = nextUnit()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (radius * Foundation.cos(angle), radius * Foundation.sin(angle))
    }

    /// `count` standard normal samples as Float32.
    public mutating func normals(_ count: Int) -> [Float] {
        var values = [Float]()
        values.reserveCapacity(count)
        while values.count < count {
            let (a, b) = nextNormalPair()
            values.append(Float(a))
            if values.count < count { values.append(Float(b)) }
        }
        return values
    }
}
