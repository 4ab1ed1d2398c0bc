/// NumPy broadcasting: align shapes at the trailing axis; extents must be equal or 1.
///
///     [2, 3] with [3]      -> [2, 3]
///     [4, 1, 5] with [3, 1] -> [4, 3, 5]
///     [2, 3] with [2]      -> shape error
enum Broadcast {
    /// The broadcast shape of `first` and `second`, or `.shape(operation, first, second)`.
    static func shape(_ first: [Int], _ second: [Int], operation: String) throws -> [Int] {
        let rank = max(first.count, second.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let a = axis - (rank - first.count) >= 0 ? first[axis - (rank - first.count)] : 1
            let b = axis - (rank - second.count) >= 0 ? second[axis - (rank - second.count)] : 1
            if a == b || b == 1 {
                result[axis] = a
            } else if a == 1 {
                result[axis] = b
            } else {
                throw EngineError.shape(operation: operation, first: first, second: second)
            }
        }
        return result
    }

    /// Strides (in elements) reading a tensor of `shape` as if it had `target` shape:
    /// broadcast axes get stride 0.
    static func strides(of shape: [Int], broadcastTo target: [Int]) -> [Int] {
        let own = Tensor.strides(of: shape)
        let offset = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for axis in 0..<shape.count where shape[axis] != 1 {
            result[axis + offset] = own[axis]
        }
        return result
    }

    /// Sums `tensor` down to `shape` over the axes that broadcasting expanded (the gradient
    /// of a broadcast). Cost: O(tensor.count).
    static func reduce(_ tensor: Tensor, to shape: [Int]) -> Tensor {
        if tensor.shape == shape { return tensor }
        let count = shape.reduce(1, *)
        var result = [Float](repeating: 0, count: count)
        let strides = strides(of: shape, broadcastTo: tensor.shape)
        tensor.scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                forEachOffset(shape: tensor.shape, strides: strides) { sourceIndex, targetIndex in
                    target[targetIndex] += source[sourceIndex]
                }
            }
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// Steps an odometer over axes `0...last` of `shape` to its next position (the last axis
    /// fastest): `counter` holds the position and `offsets[i]` where operand `i` reads, moved by
    /// that operand's `strides[i]`. After the final position all are back where they started.
    @inline(__always)
    static func advance(_ counter: inout [Int], _ offsets: inout [Int], strides: [[Int]], shape: [Int], through last: Int) {
        var axis = last
        while axis >= 0 {
            counter[axis] &+= 1
            for operand in offsets.indices { offsets[operand] &+= strides[operand][axis] }
            if counter[axis] < shape[axis] { return }
            for operand in offsets.indices { offsets[operand] &-= strides[operand][axis] &* shape[axis] }
            counter[axis] = 0
            axis -= 1
        }
    }

    /// Calls `body(linearIndex, stridedOffset)` for every element of `shape` in row-major order.
    @inline(__always)
    static func forEachOffset(shape: [Int], strides: [Int], _ body: (Int, Int) -> Void) {
        let total = shape.reduce(1, *)
        guard total > 0 else { return }
        let rank = shape.count
        if rank == 0 {
            body(0, 0)
            return
        }
        var counter = [Int](repeating: 0, count: rank)
        var offset = 0
        let inner = shape[rank - 1]
        let innerStride = strides[rank - 1]
        var linear = 0
        while linear < total {
            var o = offset
            for _ in 0..<inner {
                body(linear, o)
                linear &+= 1
                o &+= innerStride
            }
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] &+= 1
                offset &+= strides[axis]
                if counter[axis] < shape[axis] { break }
                offset &-= strides[axis] &* shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }
}
