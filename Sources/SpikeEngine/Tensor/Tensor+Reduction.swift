/// Reductions: sum, mean, max and min over one axis or over everything.
///
///     let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
///     try t.sum()           // rank-0 tensor 21
///     try t.sum(axis: 0)    // [5, 7, 9]
///     try t.max(axis: -1)   // [3, 6]
///
/// The reduced axis is removed. Sums accumulate in Float64 and round once. Cost: O(count).
/// `reduced(_:axis:isCancelled:)` (what the language calls) polls its check every
/// `cancellationChunk` scalars read and throws `.interrupted` when it fires.
extension Tensor {
    /// The four reductions.
    public enum Reduction: String, Sendable, CaseIterable {
        case sum, mean, max, min
    }

    /// The sum over `axis` (negative counts from the end), or over all scalars when `nil`.
    public func sum(axis: Int? = nil) throws -> Tensor { try reduced(.sum, axis: axis) }
    /// The mean over `axis`, or over all scalars when `nil`.
    public func mean(axis: Int? = nil) throws -> Tensor { try reduced(.mean, axis: axis) }
    /// The largest value over `axis`, or over all scalars when `nil`; empty input is a value error.
    public func max(axis: Int? = nil) throws -> Tensor { try reduced(.max, axis: axis) }
    /// The smallest value over `axis`, or over all scalars when `nil`; empty input is a value error.
    public func min(axis: Int? = nil) throws -> Tensor { try reduced(.min, axis: axis) }

    /// `reduction` over `axis`, or over all scalars (giving a rank-0 tensor) when `nil`.
    public func reduced(_ reduction: Reduction, axis: Int? = nil, isCancelled: CancellationCheck? = nil) throws -> Tensor {
        var meter = CancellationMeter(isCancelled)
        guard let axis else {
            return Tensor(try Self.reduce(reduction, scalars, count: count, offset: 0, stride: 1, meter: &meter))
        }
        let resolved = try resolveAxis(axis)
        let extent = shape[resolved]
        let outer = shape[..<resolved].reduce(1, *)
        let inner = shape[(resolved + 1)...].reduce(1, *)
        var resultShape = shape
        resultShape.remove(at: resolved)
        if inner > 1, reduction == .sum || reduction == .mean {
            return Tensor(
                unchecked: resultShape,
                scalars: try Self.sums(
                    scalars, outer: outer, extent: extent, inner: inner, dividingBy: reduction == .mean ? Double(extent) : nil,
                    meter: &meter))
        }
        var result = [Float](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                result[o * inner + i] = try Self.reduce(
                    reduction, scalars, count: extent, offset: o * extent * inner + i, stride: inner, meter: &meter)
            }
        }
        return Tensor(unchecked: resultShape, scalars: result)
    }

    /// Sums over the middle axis of [outer, extent, inner] in Float64 (divided by `dividingBy`,
    /// if given), rounded once. Eight entries are summed at a time in two 4-lane Float64
    /// registers; each entry still adds its terms in axis order, from 0, as the scalar loop.
    /// The work is reported to `meter` every `cancellationChunk` scalars read.
    private static func sums(
        _ values: [Float], outer: Int, extent: Int, inner: Int, dividingBy divisor: Double?, meter: inout CancellationMeter
    ) throws -> [Float] {
        let count = outer * inner
        return try [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let result = out.baseAddress else { return }
            try values.withUnsafeBufferPointer { source in
                guard let x = source.baseAddress else { return }
                let vectorized = inner - inner % 8
                for o in 0..<outer {
                    let base = x + o &* extent &* inner
                    let target = result + o &* inner
                    var i = 0
                    while i < vectorized {
                        var low = SIMD4<Double>()
                        var high = SIMD4<Double>()
                        var row = base + i
                        try forEachRange(extent, of: cancellationChunk / 8) { rows in
                            for _ in rows {
                                low += SIMD4<Double>(UnsafeRawPointer(row).loadUnaligned(as: SIMD4<Float>.self))
                                high += SIMD4<Double>(UnsafeRawPointer(row + 4).loadUnaligned(as: SIMD4<Float>.self))
                                row += inner
                            }
                            try meter.advance(by: rows.count &* 8)
                        }
                        if let divisor {
                            low /= SIMD4<Double>(repeating: divisor)
                            high /= SIMD4<Double>(repeating: divisor)
                        }
                        UnsafeMutableRawPointer(target + i).storeBytes(of: SIMD4<Float>(low), as: SIMD4<Float>.self)
                        UnsafeMutableRawPointer(target + i + 4).storeBytes(of: SIMD4<Float>(high), as: SIMD4<Float>.self)
                        i &+= 8
                    }
                    while i < inner {
                        var total = 0.0
                        var row = base + i
                        try forEachRange(extent, of: cancellationChunk) { rows in
                            for _ in rows {
                                total += Double(row.pointee)
                                row += inner
                            }
                            try meter.advance(by: rows.count)
                        }
                        target[i] = Float(divisor.map { total / $0 } ?? total)
                        i &+= 1
                    }
                }
            }
        }
    }

    /// `axis` resolved against the rank (negative counts from the end), or `.value(argument: .axis)`.
    func resolveAxis(_ axis: Int) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < rank else {
            throw EngineError.value(argument: .axis, message: "\(axis) is out of range for shape \(shape)")
        }
        return resolved
    }

    /// `reduction` of `count` scalars of `values` from `offset`, `stride` apart, read in pieces
    /// of at most `cancellationChunk`, each reported to `meter`.
    private static func reduce(
        _ reduction: Reduction, _ values: [Float], count: Int, offset: Int, stride: Int, meter: inout CancellationMeter
    ) throws -> Float {
        if (reduction == .max || reduction == .min) && count == 0 {
            throw EngineError.value(argument: .operand, message: "\(reduction.rawValue) of an empty tensor")
        }
        return try values.withUnsafeBufferPointer { source in
            var index = offset
            switch reduction {
            case .sum, .mean:
                var total = 0.0
                try forEachRange(count, of: cancellationChunk) { piece in
                    for _ in piece {
                        total += Double(source[index])
                        index &+= stride
                    }
                    try meter.advance(by: piece.count)
                }
                return Float(reduction == .sum ? total : total / Double(count))
            case .max, .min:
                var best = source[offset]
                try forEachRange(count, of: cancellationChunk) { piece in
                    for _ in piece {
                        let value = source[index]
                        if reduction == .max ? value > best : value < best { best = value }
                        index &+= stride
                    }
                    try meter.advance(by: piece.count)
                }
                return best
            }
        }
    }
}
