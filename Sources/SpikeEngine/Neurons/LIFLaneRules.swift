// The per-lane rules of the LIF forward (`LIFSweep`), one caseless enum per choice of
// `LIF`'s doc comment, so each configuration is its own branch-free specialisation.

/// The vector the forward kernel works in: 16 lanes, one AVX-512 register or two AVX2 ones.
typealias LIFVector = SIMD16<Float>
/// Which lanes of a `LIFVector` fired.
typealias LIFMask = SIMDMask<SIMD16<Int32>>

/// How the input enters the charge (16 lanes at a time).
protocol ChargeRule {
    static func charge(_ v: LIFVector, _ x: LIFVector, _ beta: LIFVector, _ leak: LIFVector) -> LIFVector
}
/// H = V + (X − V)/tau (a multiply and an add, never fused, so every build rounds alike).
enum DecayInput: ChargeRule {
    @inline(__always)
    static func charge(_ v: LIFVector, _ x: LIFVector, _ beta: LIFVector, _ leak: LIFVector) -> LIFVector {
        v + (x - v) * leak
    }
}
/// H = beta·V + X.
enum PlainInput: ChargeRule {
    @inline(__always)
    static func charge(_ v: LIFVector, _ x: LIFVector, _ beta: LIFVector, _ leak: LIFVector) -> LIFVector {
        beta * v + x
    }
}

/// The membrane after a spike, chosen per lane from whether it fired.
protocol ResetKind {
    static func reset(_ h: LIFVector, _ fired: LIFMask, _ threshold: LIFVector) -> LIFVector
}
/// V = H·(1 − S): 0 where the lane fired.
enum HardReset: ResetKind {
    @inline(__always)
    static func reset(_ h: LIFVector, _ fired: LIFMask, _ threshold: LIFVector) -> LIFVector {
        h.replacing(with: 0, where: fired)
    }
}
/// V = H − S·V_th: H − V_th where the lane fired.
enum SubtractReset: ResetKind {
    @inline(__always)
    static func reset(_ h: LIFVector, _ fired: LIFMask, _ threshold: LIFVector) -> LIFVector {
        h.replacing(with: h - threshold, where: fired)
    }
}

/// The spike test.
protocol FiringTest {
    static func fires(_ h: LIFVector, _ threshold: LIFVector) -> LIFMask
}
/// H >= V_th.
enum AtOrAbove: FiringTest {
    @inline(__always)
    static func fires(_ h: LIFVector, _ threshold: LIFVector) -> LIFMask { h .>= threshold }
}
/// H > V_th.
enum Above: FiringTest {
    @inline(__always)
    static func fires(_ h: LIFVector, _ threshold: LIFVector) -> LIFMask { h .> threshold }
}
