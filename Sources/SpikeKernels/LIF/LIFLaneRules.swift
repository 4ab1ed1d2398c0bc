// The per-lane rules of the LIF forward (`LIFSweep`), one caseless enum per choice of
// `LIF`'s doc comment, so each configuration is its own branch-free specialisation.

/// The vector the forward kernel works in. 16 lanes (one AVX-512 register or two AVX2 ones)
/// when the release build targets the build machine's CPU (the Makefile then defines
/// SPIKE_WIDE_LANES); else 8 lanes, whose four-vector groups fit the 16 registers of SSE2
/// (x86-64's baseline) without spilling. The code is the same for both widths.
#if SPIKE_WIDE_LANES
    typealias LIFVector = SIMD16<Float>
    /// Which lanes of a `LIFVector` fired.
    typealias LIFMask = SIMDMask<SIMD16<Int32>>
#else
    typealias LIFVector = SIMD8<Float>
    /// Which lanes of a `LIFVector` fired.
    typealias LIFMask = SIMDMask<SIMD8<Int32>>
#endif

/// How the input enters the charge.
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
/// V = H − S·V_th: V_th is subtracted where the lane fired (0 elsewhere).
enum SubtractReset: ResetKind {
    @inline(__always)
    static func reset(_ h: LIFVector, _ fired: LIFMask, _ threshold: LIFVector) -> LIFVector {
        h - LIFVector(repeating: 0).replacing(with: threshold, where: fired)
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
