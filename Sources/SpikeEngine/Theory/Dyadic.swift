/// A non-negative dyadic rational m · 2^e with an unbounded integer m: every finite Double is
/// one exactly, and products, differences and comparisons of them stay exact. Lemma 1's closed
/// form uses it to decide a step boundary exactly (`LIF.firstSpike`).
///
///     Dyadic(0.5) * Dyadic(3) == Dyadic(1.5)   // true
///     Dyadic(1) - Dyadic(0.1)                  // exactly 1 − (the Double nearest 0.1)
struct Dyadic: Comparable {
    /// Little-endian 64-bit limbs of m, without high zero limbs (empty for 0).
    private(set) var limbs: [UInt64]
    private(set) var exponent: Int

    /// The exact value of a finite, non-negative Double.
    init(_ value: Double) {
        precondition(value.isFinite && value >= 0, "Dyadic holds finite non-negative numbers")
        if value == 0 {
            self.init(limbs: [], exponent: 0)
            return
        }
        // Normal: (2^52 + fraction) · 2^(e − 52); subnormal: fraction · 2^−1074.
        let mantissa = value.significandBitPattern | (value.isNormal ? 1 << 52 : 0)
        let exponent = value.isNormal ? Int(value.exponent) - 52 : -1074
        self.init(limbs: [mantissa], exponent: exponent)
    }

    init(limbs: [UInt64], exponent: Int) {
        var trimmed = limbs
        while trimmed.last == 0 { trimmed.removeLast() }
        self.limbs = trimmed
        self.exponent = exponent
    }

    static let one = Dyadic(1)

    var isZero: Bool { limbs.isEmpty }

    static func * (a: Dyadic, b: Dyadic) -> Dyadic {
        guard !a.isZero, !b.isZero else { return Dyadic(limbs: [], exponent: 0) }
        var product = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count)
        product.withUnsafeMutableBufferPointer { out in
            a.limbs.withUnsafeBufferPointer { x in
                b.limbs.withUnsafeBufferPointer { y in
                    for i in 0..<x.count {
                        var carry: UInt64 = 0
                        for j in 0..<y.count {
                            // x·y + out + carry < 2^128: no overflow past the high word.
                            let (high, low) = x[i].multipliedFullWidth(by: y[j])
                            let (sum1, overflow1) = low.addingReportingOverflow(out[i &+ j])
                            let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                            out[i &+ j] = sum2
                            carry = high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
                        }
                        out[i &+ y.count] = carry
                    }
                }
            }
        }
        return Dyadic(limbs: product, exponent: a.exponent + b.exponent)
    }

    /// `a − b` for `a ≥ b` (a precondition).
    static func - (a: Dyadic, b: Dyadic) -> Dyadic {
        precondition(a >= b, "Dyadic subtraction must not go below zero")
        let (x, y, exponent) = aligned(a, b)
        var difference = x
        var borrow = false
        for index in difference.indices {
            let (partial, under1) = difference[index].subtractingReportingOverflow(index < y.count ? y[index] : 0)
            let (value, under2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            difference[index] = value
            borrow = under1 || under2
        }
        return Dyadic(limbs: difference, exponent: exponent)
    }

    /// `self` raised to a whole power ≥ 0, by repeated squaring.
    func power(_ n: Int) -> Dyadic {
        var result = Dyadic.one
        var base = self
        var remaining = n
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * base }
            remaining >>= 1
            if remaining > 0 { base = base * base }
        }
        return result
    }

    static func < (a: Dyadic, b: Dyadic) -> Bool {
        if a.isZero || b.isZero { return a.isZero && !b.isZero }
        let (x, y, _) = aligned(a, b)
        if x.count != y.count { return x.count < y.count }
        for index in x.indices.reversed() where x[index] != y[index] { return x[index] < y[index] }
        return false
    }

    static func == (a: Dyadic, b: Dyadic) -> Bool {
        !(a < b) && !(b < a)
    }

    /// Both mantissas over the smaller exponent (the other shifted left), trimmed.
    private static func aligned(_ a: Dyadic, _ b: Dyadic) -> ([UInt64], [UInt64], Int) {
        let exponent = min(a.exponent, b.exponent)
        return (shifted(a.limbs, by: a.exponent - exponent), shifted(b.limbs, by: b.exponent - exponent), exponent)
    }

    /// `limbs` · 2^bits, trimmed.
    private static func shifted(_ limbs: [UInt64], by bits: Int) -> [UInt64] {
        guard !limbs.isEmpty else { return [] }
        let whole = bits / 64
        let part = UInt64(bits % 64)
        var result = [UInt64](repeating: 0, count: whole) + limbs + [0]
        if part > 0 {
            var carry: UInt64 = 0
            for index in whole..<result.count {
                let value = result[index]
                result[index] = (value << part) | carry
                carry = value >> (64 - part)
            }
        }
        while result.last == 0 { result.removeLast() }
        return result
    }
}
