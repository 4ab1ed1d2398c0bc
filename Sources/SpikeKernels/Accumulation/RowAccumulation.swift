/// The inner kernel of spike accumulation: one output row as a start row plus scaled source
/// rows, built 32 columns at a time in four 8-lane registers.
///
///     target[o] = start[o] + s₀·source[offset₀ + o] + s₁·source[offset₁ + o] + …   (o < width)
///
/// The terms are added in list order, one rounding each, as a scalar loop would add them, so
/// the result does not depend on the register blocking. Cost: O(count·width).
enum RowAccumulation {
    typealias Vector = SIMD8<Float>

    static func accumulate(
        into target: UnsafeMutablePointer<Float>, start: UnsafePointer<Float>, source: UnsafePointer<Float>,
        offsets: UnsafePointer<Int>, scales: UnsafePointer<Float>, count: Int, width: Int, unitScales: Bool = false
    ) {
        // Spikes scale by exactly 1: adding the row is the same number as adding 1·row, without the multiply.
        if unitScales {
            accumulate(Unit.self, target, start, source, offsets, scales, count, width)
        } else {
            accumulate(Scaled.self, target, start, source, offsets, scales, count, width)
        }
    }

    @inline(__always)
    private static func accumulate<S: TermScaling>(
        _: S.Type, _ target: UnsafeMutablePointer<Float>, _ start: UnsafePointer<Float>, _ source: UnsafePointer<Float>,
        _ offsets: UnsafePointer<Int>, _ scales: UnsafePointer<Float>, _ count: Int, _ width: Int
    ) {
        var o = 0
        while o &+ 32 <= width {
            var a0 = load(start + o)
            var a1 = load(start + (o &+ 8))
            var a2 = load(start + (o &+ 16))
            var a3 = load(start + (o &+ 24))
            for j in 0..<count {
                let row = source + (offsets[j] &+ o)
                let s = scales[j]
                a0 += S.term(s, load(row))
                a1 += S.term(s, load(row + 8))
                a2 += S.term(s, load(row + 16))
                a3 += S.term(s, load(row + 24))
            }
            store(a0, target + o)
            store(a1, target + (o &+ 8))
            store(a2, target + (o &+ 16))
            store(a3, target + (o &+ 24))
            o &+= 32
        }
        while o &+ 8 <= width {
            var a = load(start + o)
            for j in 0..<count {
                a += S.term(scales[j], load(source + (offsets[j] &+ o)))
            }
            store(a, target + o)
            o &+= 8
        }
        while o < width {
            var a = start[o]
            for j in 0..<count {
                a += scales[j] * source[offsets[j] &+ o]
            }
            target[o] = a
            o &+= 1
        }
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    private static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }
}

/// How a source row enters the sum (8 lanes at a time).
protocol TermScaling {
    static func term(_ scale: Float, _ row: SIMD8<Float>) -> SIMD8<Float>
}
/// scale · row.
enum Scaled: TermScaling {
    @inline(__always)
    static func term(_ scale: Float, _ row: SIMD8<Float>) -> SIMD8<Float> { scale * row }
}
/// row (every scale is 1).
enum Unit: TermScaling {
    @inline(__always)
    static func term(_ scale: Float, _ row: SIMD8<Float>) -> SIMD8<Float> { row }
}
