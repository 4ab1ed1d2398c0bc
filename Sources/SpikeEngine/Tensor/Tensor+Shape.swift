/// Shape changes: reshape, transpose and permute, concatenate, slice.
///
///     try Tensor.ones([2, 3]).reshaped([3, -1]).shape   // [3, 2]
///     try t.transposed()                               // last two axes swapped
///     try Tensor.concatenate([a, b], axis: 1)
///
/// Everything returns a new contiguous tensor. Cost: O(count) (reshape only copies the shape).
extension Tensor {
    /// The same scalars read with `newShape`; one extent may be -1 and is then inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let inferred = newShape.filter { $0 == -1 }.count
        guard inferred <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
            throw EngineError.shape(operation: "reshape", first: shape, second: newShape)
        }
        var resolved = newShape
        if inferred == 1 {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            guard known > 0, count % known == 0 else {
                throw EngineError.shape(operation: "reshape", first: shape, second: newShape)
            }
            resolved = newShape.map { $0 == -1 ? count / known : $0 }
        }
        guard try Self.elementCount(of: resolved) == count else {
            throw EngineError.shape(operation: "reshape", first: shape, second: newShape)
        }
        return Tensor(unchecked: resolved, scalars: scalars)
    }

    /// The matrix transpose: the last two axes swapped (a rank-0 or rank-1 tensor is returned as is).
    public func transposed() -> Tensor {
        guard rank >= 2 else { return self }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permutedUnchecked(axes)
    }

    /// `transposed()` polling `isCancelled` every `cancellationChunk` entries (at least once
    /// per output row), for a transpose the user asked for; throws `.interrupted` when it fires.
    public func transposed(isCancelled: CancellationCheck?) throws -> Tensor {
        guard rank >= 2, count > 0 else { return transposed() }
        let rows = shape[rank - 2]
        let columns = shape[rank - 1]
        var newShape = shape
        newShape.swapAt(rank - 1, rank - 2)
        var result = [Float]()
        result.reserveCapacity(count)
        // Output row (m, j) of matrix m reads column j of the source matrix m.
        try forEachChunk(count / rows, of: Swift.max(1, cancellationChunk / rows), isCancelled: isCancelled) { outputRows in
            scalars.withUnsafeBufferPointer { source in
                for outputRow in outputRows {
                    let (matrix, column) = outputRow.quotientAndRemainder(dividingBy: columns)
                    let start = matrix * rows * columns + column
                    for row in 0..<rows { result.append(source[start + row * columns]) }
                }
            }
        }
        return Tensor(unchecked: newShape, scalars: result)
    }

    /// The axes reordered: axis `i` of the result is axis `axes[i]` of `self`.
    public func permuted(_ axes: [Int]) throws -> Tensor {
        guard axes.count == rank, Set(axes) == Set(0..<rank) else {
            throw EngineError.shape(operation: "permute", first: shape, second: axes)
        }
        return permutedUnchecked(axes)
    }

    func permutedUnchecked(_ axes: [Int]) -> Tensor {
        if axes == Array(0..<rank) { return self }
        let newShape = axes.map { shape[$0] }
        let sourceStrides = Self.strides(of: shape)
        let readStrides = axes.map { sourceStrides[$0] }
        if axes.last == rank - 1, let run = shape.last, run > 1 {
            // The last axis stays last: copy contiguous runs of it.
            let outerShape = Array(newShape.dropLast())
            let outerStrides = Array(readStrides.dropLast())
            let result = [Float](unsafeUninitializedCapacity: count) { target, initialized in
                scalars.withUnsafeBufferPointer { source in
                    Broadcast.forEachOffset(shape: outerShape, strides: outerStrides) { linear, offset in
                        (target.baseAddress! + linear &* run).initialize(from: source.baseAddress! + offset, count: run)
                    }
                }
                initialized = count
            }
            return Tensor(unchecked: newShape, scalars: result)
        }
        var result = [Float](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                Broadcast.forEachOffset(shape: newShape, strides: readStrides) { linear, offset in
                    target[linear] = source[offset]
                }
            }
        }
        return Tensor(unchecked: newShape, scalars: result)
    }

    /// `tensors` joined along `axis`; all other extents must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int) throws -> Tensor {
        guard let first = tensors.first else {
            throw EngineError.value(argument: .tensors, message: "concatenate needs at least one tensor")
        }
        let resolved = try first.resolveAxis(axis)
        for other in tensors.dropFirst() {
            var a = first.shape
            var b = other.shape
            guard a.count == b.count else {
                throw EngineError.shape(operation: "concatenate", first: first.shape, second: other.shape)
            }
            a[resolved] = 0
            b[resolved] = 0
            guard a == b else {
                throw EngineError.shape(operation: "concatenate", first: first.shape, second: other.shape)
            }
        }
        let outer = first.shape[..<resolved].reduce(1, *)
        let inner = first.shape[(resolved + 1)...].reduce(1, *)
        var shape = first.shape
        shape[resolved] = tensors.reduce(0) { $0 + $1.shape[resolved] }
        var result = [Float]()
        result.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for tensor in tensors {
                let block = tensor.shape[resolved] * inner
                result.append(contentsOf: tensor.scalars[(o * block)..<((o + 1) * block)])
            }
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// The entries `range` of `axis` (a half-open range of indices along that axis); with
    /// `isCancelled`, polls it every `cancellationChunk` entries copied and throws
    /// `.interrupted` when it fires.
    public func sliced(axis: Int, range: Range<Int>, isCancelled: CancellationCheck? = nil) throws -> Tensor {
        let resolved = try resolveAxis(axis)
        let extent = shape[resolved]
        guard range.lowerBound >= 0, range.upperBound <= extent else {
            throw EngineError.value(
                argument: .range, message: "\(range) is out of bounds for axis \(axis) of extent \(extent)")
        }
        let outer = shape[..<resolved].reduce(1, *)
        let inner = shape[(resolved + 1)...].reduce(1, *)
        var newShape = shape
        newShape[resolved] = range.count
        let run = range.count * inner
        var meter = CancellationMeter(isCancelled)
        var result = [Float]()
        result.reserveCapacity(outer * run)
        for o in 0..<outer {
            let start = (o * extent + range.lowerBound) * inner
            try forEachRange(run, of: cancellationChunk) { piece in
                result.append(contentsOf: scalars[(start + piece.lowerBound)..<(start + piece.upperBound)])
                try meter.advance(by: piece.count)
            }
        }
        return Tensor(unchecked: newShape, scalars: result)
    }
}
